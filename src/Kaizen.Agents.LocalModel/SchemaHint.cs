using System.Text;
using System.Text.Json;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// A one-line sketch of a JSON schema for the system prompt, e.g. <c>{"done": boolean, "thought": string}</c>: the
/// grammar guarantees the shape, the sketch tells a small model what to put where.
/// </summary>
internal static class SchemaHint
{
    public static string? Describe(JsonElement? schema)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s) return null;
        var text = new StringBuilder();
        Write(text, s, s, 0);
        return text.Length is > 0 and < 600 ? text.ToString() : null;
    }

    private static void Write(StringBuilder text, JsonElement schema, JsonElement root, int depth)
    {
        if (depth > 4 || schema.ValueKind != JsonValueKind.Object) { text.Append("value"); return; }
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && depth < 4)
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(part, out target)) { text.Append("value"); return; }
            Write(text, target, root, depth + 1);
            return;
        }
        if (schema.TryGetProperty("const", out var constant)) { text.Append(constant.GetRawText()); return; }
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            text.Append(string.Join(" or ", values.EnumerateArray().Select(v => v.GetRawText())));
            return;
        }
        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var options) && options.ValueKind == JsonValueKind.Array)
            {
                var first = true;
                foreach (var option in options.EnumerateArray())
                {
                    if (!first) text.Append(" or ");
                    first = false;
                    Write(text, option, root, depth + 1);
                }
                return;
            }
        }
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
            : schema.TryGetProperty("properties", out _) ? "object" : null;
        switch (type)
        {
            case "object" when schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object:
                text.Append('{');
                var separator = "";
                foreach (var property in properties.EnumerateObject())
                {
                    text.Append(separator).Append(JsonSerializer.Serialize(property.Name)).Append(": ");
                    Write(text, property.Value, root, depth + 1);
                    separator = ", ";
                }
                text.Append('}');
                break;
            case "array":
                text.Append('[');
                if (schema.TryGetProperty("items", out var items)) Write(text, items, root, depth + 1); else text.Append("value");
                text.Append(", ...]");
                break;
            case null: text.Append("value"); break;
            default: text.Append(type); break;
        }
    }
}
