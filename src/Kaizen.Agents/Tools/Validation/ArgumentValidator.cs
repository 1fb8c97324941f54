using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools.Validation;

/// <summary>
/// Checks a call's arguments against the tool's JSON schema before anything runs. Covers the subset of
/// JSON Schema that tool schemas use: <c>type</c> (incl. unions with <c>null</c>), <c>properties</c>,
/// <c>required</c>, <c>additionalProperties: false</c>, <c>enum</c>, <c>items</c>, <c>minimum</c>/<c>maximum</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>pattern</c>. Unknown keywords are ignored.
/// </summary>
public static class ArgumentValidator
{
    /// <summary>Validates <paramref name="arguments"/>; returns one readable message per problem (empty when valid).</summary>
    /// <param name="schema">The tool's argument schema.</param>
    /// <param name="arguments">The arguments the model sent.</param>
    /// <param name="rejectUnknownArguments">Treat top-level arguments the schema does not name as errors (models sometimes invent them).</param>
    public static IReadOnlyList<string> Validate(JsonElement schema, IDictionary<string, object?>? arguments, bool rejectUnknownArguments = true)
    {
        JsonElement value;
        try
        {
            value = JsonSerializer.SerializeToElement(arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return [$"the arguments could not be read as JSON: {ex.Message}"];
        }
        var errors = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object) return errors;
        Check(schema, value, "arguments", errors);
        if (rejectUnknownArguments && value.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && !(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False))
        {
            foreach (var member in value.EnumerateObject().Where(m => !properties.TryGetProperty(m.Name, out _)))
                errors.Add($"arguments.{member.Name} is not an accepted argument (accepted: {string.Join(", ", properties.EnumerateObject().Select(p => p.Name))})");
        }
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object) return;

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            errors.Add($"{path} must be {Describe(type)} but is {KindName(value)}");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path} must be one of {allowed.GetRawText()} but is {value.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object: CheckObject(schema, value, path, errors); break;
            case JsonValueKind.Array: CheckArray(schema, value, path, errors); break;
            case JsonValueKind.String: CheckString(schema, value.GetString()!, path, errors); break;
            case JsonValueKind.Number: CheckNumber(schema, value.GetDouble(), path, errors); break;
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()).OfType<string>())
            {
                if (!value.TryGetProperty(name, out _)) errors.Add($"{path}.{name} is required but missing");
            }
        }
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        foreach (var member in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(member.Name, out var memberSchema))
                Check(memberSchema, member.Value, $"{path}.{member.Name}", errors);
            else if (closed)
                errors.Add($"{path}.{member.Name} is not an accepted argument" +
                           (hasProperties ? $" (accepted: {string.Join(", ", properties.EnumerateObject().Select(p => p.Name))})" : ""));
        }
    }

    private static void CheckArray(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (!schema.TryGetProperty("items", out var items)) return;
        var index = 0;
        foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{index++}]", errors);
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minLength", out var min) && min.TryGetInt32(out var minLength) && text.Length < minLength)
            errors.Add($"{path} must have at least {minLength} characters");
        if (schema.TryGetProperty("maxLength", out var max) && max.TryGetInt32(out var maxLength) && text.Length > maxLength)
            errors.Add($"{path} must have at most {maxLength} characters");
        if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } regex
            && !Regex.IsMatch(text, regex, RegexOptions.None, TimeSpan.FromSeconds(1)))
            errors.Add($"{path} must match the pattern {regex}");
    }

    private static void CheckNumber(JsonElement schema, double number, string path, List<string> errors)
    {
        if (schema.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number && number < min.GetDouble())
            errors.Add($"{path} must be at least {min.GetRawText()}");
        if (schema.TryGetProperty("maximum", out var max) && max.ValueKind == JsonValueKind.Number && number > max.GetDouble())
            errors.Add($"{path} must be at most {max.GetRawText()}");
    }

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => MatchesType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value)),
        _ => true,
    };

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && IsWhole(value),
        _ => true,
    };

    private static bool IsWhole(JsonElement number) =>
        number.TryGetInt64(out _) || (double.TryParse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Floor(d) == d);

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => $"'{t.GetString()}'"))
            : $"'{type.GetString()}'";

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({value.GetRawText()})",
        JsonValueKind.Number => $"a number ({value.GetRawText()})",
        JsonValueKind.String => $"a string (\"{Truncate(value.GetString()!)}\")",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
