using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>What the scripted model was asked: lets a script choose its reply by content.</summary>
/// <param name="CallIndex">0-based index of this request on the client.</param>
/// <param name="Messages">The conversation sent.</param>
/// <param name="Options">The chat options sent (tools, response format…).</param>
public sealed record ScriptedRequest(int CallIndex, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>The text of the system messages, joined by new lines.</summary>
    public string SystemText => string.Join("\n", Messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));

    /// <summary>The text of the last user message, or empty.</summary>
    public string LastUserText => Messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";

    /// <summary>How many assistant messages the conversation already holds (the model's previous turns).</summary>
    public int AssistantTurns => Messages.Count(m => m.Role == ChatRole.Assistant);

    /// <summary>Tool results in the conversation since the last assistant message.</summary>
    public IReadOnlyList<FunctionResultContent> PendingToolResults =>
        Messages.Reverse().TakeWhile(m => m.Role != ChatRole.Assistant)
            .SelectMany(m => m.Contents.OfType<FunctionResultContent>()).Reverse().ToList();

    /// <summary>
    /// The agent turn this request belongs to: the <c>kaizen.turn</c> option the agent loop sends, else the number of
    /// assistant messages + 1. Depends only on the request, so it survives resumes and process restarts.
    /// </summary>
    public int Turn => Options?.AdditionalProperties?.TryGetValue("kaizen.turn", out var turn) == true && turn is int t ? t : AssistantTurns + 1;

    /// <summary>The calling agent's id (the <c>kaizen.agent</c> option), or null.</summary>
    public string? AgentId => Options?.AdditionalProperties?.TryGetValue("kaizen.agent", out var id) == true ? id as string : null;

    /// <summary>Names of the tools offered in <see cref="Options"/>.</summary>
    public IReadOnlyList<string> OfferedTools => Options?.Tools?.Select(t => t.Name).ToList() ?? [];

    /// <summary>True when any message contains <paramref name="text"/> (ordinal, case-insensitive).</summary>
    public bool Contains(string text) => Messages.Any(m => m.Text.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-line description for error messages.</summary>
    public override string ToString()
    {
        var last = Messages.LastOrDefault();
        var lastText = last is null ? "(no messages)" : $"{last.Role}: {Shorten(last.Text)}";
        return $"request #{CallIndex} with {Messages.Count} message(s), last = {lastText}";
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
