using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Renders a conversation in the Zephyr chat format TinyLlama Chat was tuned on:
/// <c>&lt;|system|&gt;\n…&lt;/s&gt;\n&lt;|user|&gt;\n…&lt;/s&gt;\n&lt;|assistant|&gt;\n</c>. System messages are joined
/// into one system turn (with a short tool list when tools are offered); assistant tool calls appear as the JSON the
/// tool grammar produces; tool results appear as a user turn naming the tool.
/// </summary>
public static class ZephyrTemplate
{
    /// <summary>End-of-turn marker (the model's end-of-sequence token).</summary>
    public const string EndOfTurn = "</s>";

    /// <summary>The prompt for <paramref name="messages"/>, ending with the open assistant turn.</summary>
    /// <param name="messages">The conversation.</param>
    /// <param name="tools">Tools offered (listed briefly in the system turn).</param>
    /// <param name="formatHint">A line on the expected reply format, added to the system turn.</param>
    public static string Render(IEnumerable<ChatMessage> messages, IReadOnlyList<AIFunctionDeclaration>? tools = null, string? formatHint = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        var names = list.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var prompt = new StringBuilder();

        var system = string.Join("\n\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Where(t => !string.IsNullOrWhiteSpace(t)));
        var toolText = tools is { Count: > 0 } ? DescribeTools(tools) : "";
        var systemText = string.Join("\n\n", new[] { system, toolText, formatHint ?? "" }.Where(t => t.Length > 0));
        if (systemText.Length > 0) Turn(prompt, "system", systemText);

        foreach (var message in list.Where(m => m.Role != ChatRole.System))
        {
            if (message.Role == ChatRole.Assistant) Turn(prompt, "assistant", AssistantText(message));
            else if (message.Role == ChatRole.Tool) Turn(prompt, "user", ToolResultText(message, names));
            else Turn(prompt, "user", UserText(message, names));
        }
        return prompt.Append("<|assistant|>\n").ToString();
    }

    /// <summary>The short tool list added to the system turn.</summary>
    public static string DescribeTools(IReadOnlyList<AIFunctionDeclaration> tools)
    {
        var text = new StringBuilder("Tools you can call. To call one, reply with only {\"tool\":\"<name>\",\"arguments\":{...}}.");
        foreach (var tool in tools)
        {
            text.Append("\n- ").Append(tool.Name).Append('(').Append(string.Join(", ", ArgumentNames(tool))).Append(')');
            if (!string.IsNullOrWhiteSpace(tool.Description)) text.Append(": ").Append(tool.Description.Trim());
        }
        return text.ToString();
    }

    private static IEnumerable<string> ArgumentNames(AIFunctionDeclaration tool) =>
        tool.JsonSchema.ValueKind == JsonValueKind.Object && tool.JsonSchema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            ? p.EnumerateObject().Select(x => x.Name)
            : [];

    private static void Turn(StringBuilder prompt, string role, string text) =>
        prompt.Append("<|").Append(role).Append("|>\n").Append(text.Trim()).Append(EndOfTurn).Append('\n');

    private static string AssistantText(ChatMessage message)
    {
        var parts = new List<string>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text when !string.IsNullOrWhiteSpace(text.Text): parts.Add(text.Text); break;
                case FunctionCallContent call: parts.Add(FormatCall(call)); break;
            }
        }
        return string.Join("\n", parts);
    }

    /// <summary>A tool call as the model writes it.</summary>
    public static string FormatCall(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var arguments = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), LocalJson.Options);
        return $"{{\"{ToolCallGrammar.ToolProperty}\":{JsonSerializer.Serialize(call.Name)},\"{ToolCallGrammar.ArgumentsProperty}\":{arguments}}}";
    }

    private static string ToolResultText(ChatMessage message, Dictionary<string, string> names)
    {
        var parts = message.Contents.OfType<FunctionResultContent>().Select(r => ResultLine(r, names)).ToList();
        var text = message.Text;
        if (!string.IsNullOrWhiteSpace(text)) parts.Add(text);
        return string.Join("\n", parts);
    }

    private static string UserText(ChatMessage message, Dictionary<string, string> names)
    {
        var parts = new List<string>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text when !string.IsNullOrWhiteSpace(text.Text): parts.Add(text.Text); break;
                case FunctionResultContent result: parts.Add(ResultLine(result, names)); break;
            }
        }
        return string.Join("\n", parts);
    }

    private static string ResultLine(FunctionResultContent result, Dictionary<string, string> names)
    {
        var name = names.TryGetValue(result.CallId, out var n) ? n : "tool";
        var value = result.Exception is { } error ? $"error: {error.Message}"
            : result.Result switch
            {
                null => "(no result)",
                string s => s,
                JsonElement e when e.ValueKind == JsonValueKind.String => e.GetString() ?? "",
                var other => JsonSerializer.Serialize(other, LocalJson.Options),
            };
        return $"Result of {name}: {value}";
    }
}
