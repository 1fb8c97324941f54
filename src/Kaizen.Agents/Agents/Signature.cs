using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kaizen.Agents;

/// <summary>The kind of value a signature field holds; outputs are checked against it.</summary>
public enum SignatureFieldType
{
    /// <summary>A string.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>Any number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>A JSON array.</summary>
    List,
    /// <summary>A JSON object.</summary>
    Object,
}

/// <summary>One input or output of a <see cref="Signature"/>.</summary>
/// <param name="Name">Identifier used in the prompt and in the outputs object.</param>
/// <param name="Description">What it means; shown to the model.</param>
/// <param name="Type">The value kind.</param>
/// <param name="Required">For outputs: the completion must contain it.</param>
public sealed record SignatureField(string Name, string Description, SignatureFieldType Type = SignatureFieldType.Text, bool Required = true);

/// <summary>
/// What an agent takes and must produce: typed inputs and outputs with descriptions, rendered into the prompt.
/// The model's completion outputs are checked against it.
/// </summary>
public sealed partial class Signature
{
    private readonly List<SignatureField> _inputs = [];
    private readonly List<SignatureField> _outputs = [];

    /// <summary>Creates an empty signature.</summary>
    /// <param name="name">Short name, e.g. "Research".</param>
    /// <param name="instructions">What the agent is for; first line of the system prompt.</param>
    public Signature(string name, string? instructions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Instructions = instructions;
    }

    /// <summary>The signature's name.</summary>
    public string Name { get; }

    /// <summary>What the agent is for.</summary>
    public string? Instructions { get; }

    /// <summary>Inputs, in declaration order.</summary>
    public IReadOnlyList<SignatureField> Inputs => _inputs;

    /// <summary>Outputs, in declaration order.</summary>
    public IReadOnlyList<SignatureField> Outputs => _outputs;

    /// <summary>The usual shape: input <c>task</c>, output <c>result</c>.</summary>
    public static Signature Default() =>
        new Signature("Task", "You are an autonomous agent that completes the task step by step.")
            .Input("task", "Task to complete")
            .Output("result", "Task result");

    /// <summary>Adds an input.</summary>
    public Signature Input(string name, string description, SignatureFieldType type = SignatureFieldType.Text)
    {
        _inputs.Add(Checked(new SignatureField(name, description, type)));
        return this;
    }

    /// <summary>Adds an output.</summary>
    public Signature Output(string name, string description, SignatureFieldType type = SignatureFieldType.Text, bool required = true)
    {
        _outputs.Add(Checked(new SignatureField(name, description, type, required)));
        return this;
    }

    /// <summary>The signature as prompt text: instructions, inputs, outputs and the reply protocol.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(Instructions ?? $"You are the {Name} agent.");
        if (_inputs.Count > 0)
        {
            text.AppendLine("Inputs:");
            foreach (var field in _inputs) text.AppendLine($"- {field.Name} ({Kind(field.Type)}): {field.Description}");
        }
        text.AppendLine("Outputs:");
        foreach (var field in _outputs) text.AppendLine($"- {field.Name} ({Kind(field.Type)}{(field.Required ? "" : ", optional")}): {field.Description}");
        text.AppendLine("Reply with exactly one JSON object per turn.");
        text.AppendLine("While working: {\"done\": false, \"thought\": \"what you did and what comes next\"} (you may call tools).");
        text.Append("When finished: {\"done\": true, \"outputs\": {").Append(string.Join(", ", _outputs.Select(o => $"\"{o.Name}\": {Example(o.Type)}"))).Append("}}");
        return text.ToString();
    }

    /// <summary>Checks completion outputs; returns the values by name, or the problem to tell the model.</summary>
    public (IReadOnlyDictionary<string, JsonElement>? Values, string? Problem) ReadOutputs(JsonObject? outputs)
    {
        if (outputs is null) return (null, "the reply has no \"outputs\" object");
        var values = new Dictionary<string, JsonElement>();
        var problems = new List<string>();
        foreach (var field in _outputs)
        {
            if (outputs[field.Name] is not { } node)
            {
                if (field.Required) problems.Add($"\"{field.Name}\" is missing");
                continue;
            }
            var element = JsonSerializer.SerializeToElement(node);
            if (!Matches(element, field.Type)) problems.Add($"\"{field.Name}\" should be {Kind(field.Type)} but is {element.ValueKind.ToString().ToLowerInvariant()}");
            else values[field.Name] = element;
        }
        return problems.Count == 0 ? (values, null) : (null, string.Join("; ", problems));
    }

    private SignatureField Checked(SignatureField field)
    {
        if (!FieldName().IsMatch(field.Name))
            throw new ArgumentException($"Signature field name '{field.Name}' must be an identifier (letters, digits, underscore; not starting with a digit).", nameof(field));
        if (_inputs.Concat(_outputs).Any(f => f.Name == field.Name))
            throw new ArgumentException($"Signature '{Name}' already has a field named '{field.Name}'.", nameof(field));
        return field;
    }

    private static bool Matches(JsonElement value, SignatureFieldType type) => type switch
    {
        SignatureFieldType.Text => value.ValueKind == JsonValueKind.String,
        SignatureFieldType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        SignatureFieldType.Number => value.ValueKind == JsonValueKind.Number,
        SignatureFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        SignatureFieldType.List => value.ValueKind == JsonValueKind.Array,
        SignatureFieldType.Object => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    private static string Kind(SignatureFieldType type) => type switch
    {
        SignatureFieldType.Text => "text",
        SignatureFieldType.Integer => "integer",
        SignatureFieldType.Number => "number",
        SignatureFieldType.Boolean => "boolean",
        SignatureFieldType.List => "list",
        _ => "object",
    };

    private static string Example(SignatureFieldType type) => type switch
    {
        SignatureFieldType.Text => "\"...\"",
        SignatureFieldType.Integer => "0",
        SignatureFieldType.Number => "0.0",
        SignatureFieldType.Boolean => "true",
        SignatureFieldType.List => "[...]",
        _ => "{...}",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldName();
}
