using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Agents;

/// <summary>
/// The reply format the agent asks the model for: one JSON object per turn, either
/// <c>{"done":false,"thought":"…"}</c> (keep working) or <c>{"done":true,"outputs":{…}}</c> (the completion signal).
/// Tool calls travel as native function calls beside it.
/// </summary>
public static class AgentReplyProtocol
{
    /// <summary>Text of a "keep working" reply.</summary>
    public static string FormatWorking(string thought) =>
        new JsonObject { ["done"] = false, ["thought"] = thought }.ToJsonString();

    /// <summary>Text of a completion reply carrying <paramref name="outputs"/> (any object serializable to JSON).</summary>
    public static string FormatCompletion(object? outputs) =>
        new JsonObject { ["done"] = true, ["outputs"] = outputs is null ? new JsonObject() : JsonSerializer.SerializeToNode(outputs) }.ToJsonString();

    /// <summary>
    /// Reads a model reply. Tolerates prose or a Markdown code fence around the JSON object (small models add them).
    /// Text that holds no JSON object is a "keep working" turn whose thought is the text.
    /// </summary>
    public static ParsedReply Parse(string text)
    {
        var json = ExtractObject(text);
        if (json is null) return new ParsedReply(false, null, text, JsonError: null);
        try
        {
            if (JsonNode.Parse(json) is not JsonObject obj) return new ParsedReply(false, null, text, "the reply is not a JSON object");
            var done = obj["done"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            var outputs = obj["outputs"] as JsonObject;
            var thought = obj["thought"]?.ToString();
            return new ParsedReply(done, outputs, thought ?? text, null);
        }
        catch (JsonException ex)
        {
            var claimsDone = text.Contains("\"done\"", StringComparison.Ordinal) && text.Contains("true", StringComparison.Ordinal);
            return new ParsedReply(claimsDone, null, text, $"invalid JSON: {ex.Message}");
        }
    }

    private static string? ExtractObject(string text)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0) return null;
        // An opening brace without a closing one is broken JSON, not prose: keep it so the parser reports it.
        return end > start ? text[start..(end + 1)] : text[start..];
    }
}

/// <summary>A parsed model reply.</summary>
/// <param name="Done">The model signalled completion.</param>
/// <param name="Outputs">The outputs object when present.</param>
/// <param name="Thought">The model's working note, or the raw text.</param>
/// <param name="JsonError">Why the JSON could not be read, when the reply looked like JSON but was broken.</param>
public sealed record ParsedReply(bool Done, JsonObject? Outputs, string Thought, string? JsonError);
