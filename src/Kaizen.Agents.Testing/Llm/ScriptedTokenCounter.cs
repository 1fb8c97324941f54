using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Deterministic token estimate used by the scripted model: one token per started 4 characters of text,
/// plus 4 per message and the tool call's name and JSON arguments. Not a real tokenizer; stable across runs.
/// </summary>
public static class ScriptedTokenCounter
{
    /// <summary>Tokens of one piece of text.</summary>
    public static long Count(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + 3) / 4;

    /// <summary>Tokens of a whole request.</summary>
    public static long Count(IEnumerable<ChatMessage> messages) => messages.Sum(Count);

    /// <summary>Tokens of one message, including its tool calls and results.</summary>
    public static long Count(ChatMessage message) => 4 + message.Contents.Sum(content => content switch
    {
        TextContent text => Count(text.Text),
        FunctionCallContent call => Count(call.Name) + Count(JsonSerializer.Serialize(call.Arguments)),
        FunctionResultContent result => Count(result.Result?.ToString()),
        _ => 0,
    });
}
