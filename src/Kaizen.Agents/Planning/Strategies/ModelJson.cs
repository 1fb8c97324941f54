using System.Text.Json;

namespace Kaizen.Agents.Planning.Strategies;

/// <summary>Reads the JSON object in a model reply, tolerating prose or a code fence around it.</summary>
internal static class ModelJson
{
    public static bool TryParseObject(string text, out JsonElement value, out string error)
    {
        value = default;
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            error = "the reply contains no JSON object";
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            value = doc.RootElement.Clone();
            error = "";
            return true;
        }
        catch (JsonException ex)
        {
            error = $"the JSON is invalid ({ex.Message})";
            return false;
        }
    }

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : v.GetRawText()
            : null;

    public static IReadOnlyList<string> Strings(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).Where(s => s.Length > 0).ToList()
            : [];
}
