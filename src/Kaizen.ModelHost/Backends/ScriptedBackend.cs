using System.Text.Json;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Backends;

/// <summary>
/// The scripted backend: <see cref="ChatScript.Endless"/> (a "keep working" JSON turn per request) with three rules so
/// wire tests can reach every reply shape without a model: tool results pending → a text reply quoting them; tools
/// offered → a call of the first tool with arguments built from its JSON schema; a last user message starting with
/// <c>echo:</c> → the rest of it as the reply.
/// </summary>
public static class ScriptedBackend
{
    /// <summary>The prefix of a user message the scripted model repeats.</summary>
    public const string EchoPrefix = "echo:";

    /// <summary>Creates the scripted client reporting <paramref name="modelId"/>.</summary>
    public static ScriptedChatClient Create(string modelId)
    {
        var script = ChatScript.Endless()
            .When(r => r.PendingToolResults.Count > 0,
                r => ScriptedReply.Say("The tool returned: " + string.Join("; ", r.PendingToolResults.Select(p => ResultText(p.Result)))), times: null)
            .When(r => r.OfferedTools.Count > 0 && r.Options?.ToolMode is not NoneChatToolMode,
                r => FirstToolCall(r.Options!), times: null)
            .When(r => r.LastUserText.TrimStart().StartsWith(EchoPrefix, StringComparison.OrdinalIgnoreCase),
                r => ScriptedReply.Say(r.LastUserText.TrimStart()[EchoPrefix.Length..].Trim()), times: null);
        return new ScriptedChatClient(script, modelId);
    }

    private static ScriptedReply FirstToolCall(ChatOptions options)
    {
        var tool = options.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } name }
            ? options.Tools!.First(t => t.Name == name)
            : options.Tools!.First();
        var arguments = new Dictionary<string, object?>();
        if (tool is AIFunctionDeclaration declaration
            && declaration.JsonSchema.ValueKind == JsonValueKind.Object
            && declaration.JsonSchema.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
                arguments[property.Name] = SampleValue(property.Name, property.Value);
        }
        return ScriptedReply.CallTool(tool.Name, arguments);
    }

    // A value of the schema's type: the first enum value, else "sample <name>", 1, true, [] or {}.
    private static object? SampleValue(string name, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return "sample " + name;
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return values[0].Clone();
        var type = schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null") : t.GetString()
            : "string";
        return type switch
        {
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => Array.Empty<object>(),
            "object" => new Dictionary<string, object?>(),
            _ => "sample " + name,
        };
    }

    private static string ResultText(object? result) => result switch
    {
        null => "null",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result),
    };
}
