using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Tools;

/// <summary>
/// A tool whose argument schema is given by the scenario, word for word, and which records every call it receives,
/// so a scenario can tell whether the library let a call through and with which arguments.
/// </summary>
public sealed class SchemaBoundTool(string name, JsonElement schema) : AIFunction
{
    private readonly List<JsonElement> _calls = [];

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => "A tool defined by the scenario, with the schema the scenario gives.";

    /// <inheritdoc />
    public override JsonElement JsonSchema => schema;

    /// <summary>The arguments of every call that reached the tool, in order.</summary>
    public IReadOnlyList<JsonElement> Calls { get { lock (_calls) return _calls.ToList(); } }

    /// <inheritdoc />
    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var received = JsonSerializer.SerializeToElement(arguments.ToDictionary(a => a.Key, a => a.Value), AIJsonUtilities.DefaultOptions);
        lock (_calls) _calls.Add(received);
        return ValueTask.FromResult<object?>($"{name} done");
    }
}
