using System.Text.Json;

namespace Kaizen.Agents.LocalModel.Tests.Support;

/// <summary>
/// An independent check of a JSON value against the schema subset the tests use (type, properties, required, const,
/// enum, maxLength, items, maxItems, anyOf): returns what does not match, empty when it matches.
/// </summary>
public static class SchemaCheck
{
    public static IReadOnlyList<string> Problems(JsonElement value, JsonElement schema, string path = "$")
    {
        var problems = new List<string>();
        Check(value, schema, path, problems);
        return problems;
    }

    private static void Check(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            if (!anyOf.EnumerateArray().Any(option => Problems(value, option, path).Count == 0))
                problems.Add($"{path}: matches none of the anyOf options");
            return;
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(value, constant))
            problems.Add($"{path}: expected {constant.GetRawText()}, got {value.GetRawText()}");
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            problems.Add($"{path}: {value.GetRawText()} is not one of {values.GetRawText()}");
        if (!schema.TryGetProperty("type", out var type)) return;
        switch (type.GetString())
        {
            case "object":
                if (value.ValueKind != JsonValueKind.Object) { problems.Add($"{path}: expected an object, got {value.ValueKind}"); return; }
                if (schema.TryGetProperty("required", out var required))
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _)) problems.Add($"{path}: missing required '{name}'");
                if (schema.TryGetProperty("properties", out var properties))
                    foreach (var property in value.EnumerateObject())
                    {
                        if (properties.TryGetProperty(property.Name, out var propertySchema)) Check(property.Value, propertySchema, $"{path}.{property.Name}", problems);
                        else problems.Add($"{path}: unexpected property '{property.Name}'");
                    }
                break;
            case "array":
                if (value.ValueKind != JsonValueKind.Array) { problems.Add($"{path}: expected an array, got {value.ValueKind}"); return; }
                if (schema.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
                    problems.Add($"{path}: {value.GetArrayLength()} items, at most {maxItems.GetInt32()} allowed");
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray()) Check(item, items, $"{path}[{i++}]", problems);
                }
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { problems.Add($"{path}: expected a string, got {value.ValueKind}"); return; }
                if (schema.TryGetProperty("maxLength", out var maxLength) && value.GetString()!.Length > maxLength.GetInt32())
                    problems.Add($"{path}: {value.GetString()!.Length} characters, at most {maxLength.GetInt32()} allowed");
                break;
            case "integer":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) problems.Add($"{path}: expected an integer, got {value.GetRawText()}");
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number) problems.Add($"{path}: expected a number, got {value.GetRawText()}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) problems.Add($"{path}: expected a boolean, got {value.GetRawText()}");
                break;
        }
    }
}
