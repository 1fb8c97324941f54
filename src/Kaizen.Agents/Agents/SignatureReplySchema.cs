using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Agents;

/// <summary>
/// The JSON schema of one reply of <see cref="AgentReplyProtocol"/> for a <see cref="Signature"/>: a note, the
/// completion flag and the outputs object. Sent as <c>ChatOptions.ResponseFormat</c> so that providers with structured
/// output (the local model's grammar, Ollama's <c>format</c>, OpenAI's <c>json_schema</c>) can only produce replies the
/// loop can read. One flat object (not a union of two shapes) so every structured-output implementation can honour it.
/// </summary>
internal static class SignatureReplySchema
{
    /// <summary>Longest working note a reply may carry: keeps a small model from rambling until its token limit.</summary>
    public const int MaxThoughtLength = 160;

    /// <summary>Longest text output; long enough for a summary, bounded so a constrained model always closes the object.</summary>
    public const int MaxTextOutputLength = 600;

    /// <summary>The reply schema; <paramref name="final"/> allows only <c>"done": true</c> (the run's last turn).</summary>
    public static JsonElement For(Signature signature, bool final = false)
    {
        var outputs = new JsonObject();
        foreach (var field in signature.Outputs) outputs[field.Name] = FieldSchema(field);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["thought"] = new JsonObject { ["type"] = "string", ["maxLength"] = MaxThoughtLength, ["description"] = "what you did and what comes next" },
                ["done"] = final
                    ? new JsonObject { ["type"] = "boolean", ["const"] = true, ["description"] = "this is your last turn: give your final outputs" }
                    : new JsonObject { ["type"] = "boolean", ["description"] = "true only when the task is finished" },
                ["outputs"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = outputs,
                    ["required"] = new JsonArray([.. signature.Outputs.Where(o => o.Required).Select(o => (JsonNode)o.Name)]),
                },
            },
            ["required"] = new JsonArray("thought", "done", "outputs"),
        };
        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject FieldSchema(SignatureField field)
    {
        var schema = field.Type switch
        {
            SignatureFieldType.Text => new JsonObject { ["type"] = "string", ["maxLength"] = MaxTextOutputLength },
            SignatureFieldType.Integer => new JsonObject { ["type"] = "integer" },
            SignatureFieldType.Number => new JsonObject { ["type"] = "number" },
            SignatureFieldType.Boolean => new JsonObject { ["type"] = "boolean" },
            SignatureFieldType.List => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = 200 }, ["maxItems"] = 20 },
            _ => new JsonObject { ["type"] = "object" },
        };
        schema["description"] = field.Description;
        return schema;
    }
}
