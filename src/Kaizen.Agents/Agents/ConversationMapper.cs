using System.Text.Json;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>Converts between the serializable conversation of <see cref="AgentState"/> and Microsoft.Extensions.AI messages.</summary>
internal static class ConversationMapper
{
    public static ChatMessage ToMessage(ConversationEntry entry) => entry.Role switch
    {
        ConversationEntry.AssistantRole => new ChatMessage(ChatRole.Assistant, AssistantContents(entry)),
        ConversationEntry.ToolRole when entry.Result is { } result =>
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent(result.CallId, ParseJson(result.ResultJson))]),
        _ => new ChatMessage(ChatRole.User, entry.Text),
    };

    public static ConversationEntry FromResponse(ChatResponse response, int turn)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => new ToolCallRecord(c.CallId, c.Name, c.Exception is null ? SerializeArguments(c.Arguments) : "{}")
            {
                // The provider could not parse the argument text; the call must fail, never run with defaults.
                ArgumentsError = c.Exception is { } error ? Describe(error) : null,
            })
            .ToList();
        return new ConversationEntry(ConversationEntry.AssistantRole, response.Text, turn, calls.Count > 0 ? calls : null);
    }

    public static FunctionCallContent ToCall(ToolCallRecord call)
    {
        if (call.ArgumentsError is { } error)
            return new FunctionCallContent(call.CallId, call.Name, new Dictionary<string, object?>()) { Exception = new InvalidDataException(error) };
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(call.ArgumentsJson)?
            .ToDictionary(p => p.Key, p => (object?)p.Value) ?? [];
        return new FunctionCallContent(call.CallId, call.Name, arguments);
    }

    public static ConversationEntry FromToolResult(ToolExecutionResult result, int turn)
    {
        var json = SerializeResult(result.Result);
        var text = ParseJson(json) is { ValueKind: JsonValueKind.String } s ? s.GetString()! : json;
        return new ConversationEntry(ConversationEntry.ToolRole, text, turn,
            Result: new ToolResultRecord(result.CallId, result.ToolName, result.Status.ToString(), json));
    }

    /// <summary>A plain-text rendering for memory tiers, which hold text only.</summary>
    public static string ToMemoryText(ConversationEntry entry) => entry switch
    {
        { Role: ConversationEntry.AssistantRole, Calls: { Count: > 0 } calls } =>
            string.Join("\n", new[] { entry.Text }.Where(t => t.Length > 0).Concat(calls.Select(c => $"[called tool {c.Name} {c.ArgumentsJson}]"))),
        { Role: ConversationEntry.ToolRole, Result: { } result } => $"[tool {result.Name} {result.Status.ToLowerInvariant()}] {entry.Text}",
        _ => entry.Text,
    };

    private static List<AIContent> AssistantContents(ConversationEntry entry)
    {
        var contents = new List<AIContent>();
        if (entry.Text.Length > 0) contents.Add(new TextContent(entry.Text));
        if (entry.Calls is { } calls) contents.AddRange(calls.Select(ToCall));
        return contents;
    }

    private static string SerializeArguments(IDictionary<string, object?>? arguments)
    {
        try
        {
            return JsonSerializer.Serialize(arguments ?? new Dictionary<string, object?>());
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return "{}";
        }
    }

    private static string Describe(Exception error)
    {
        var parts = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" ", parts.Distinct());
    }

    private static string SerializeResult(object? result)
    {
        switch (result)
        {
            case null: return "null";
            case JsonElement element: return element.GetRawText();
            case string text: return JsonSerializer.Serialize(text);
        }
        try
        {
            return JsonSerializer.Serialize(result, result.GetType(), AIJsonUtilities.DefaultOptions);
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException)
        {
            return JsonSerializer.Serialize(result.ToString());
        }
    }

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
