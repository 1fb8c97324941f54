using System.Text.Json;

namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// Everything an agent run needs to continue from where it stopped. Immutable: the loop builds a new one per turn,
/// and a checkpoint stores one as it was.
/// </summary>
public sealed record AgentState
{
    /// <summary>The task the run was given.</summary>
    public required string Task { get; init; }

    /// <summary>Extra named inputs of the signature, as text.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Turns completed so far (the next turn is <c>Turn + 1</c>).</summary>
    public int Turn { get; init; }

    /// <summary>Turn limit of the thread (a resume continues up to it unless told otherwise).</summary>
    public int MaxTurns { get; init; }

    /// <summary>The whole conversation: task, model replies, tool calls and results, in order.</summary>
    public IReadOnlyList<ConversationEntry> Conversation { get; init; } = [];

    /// <summary>
    /// State owned by other components, as JSON text keyed by owner (e.g. <c>"plan"</c>), so they persist with the
    /// checkpoint without the store knowing their types.
    /// </summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();

    /// <summary>Prompt tokens spent by the thread so far.</summary>
    public long InputTokens { get; init; }

    /// <summary>Completion tokens spent by the thread so far.</summary>
    public long OutputTokens { get; init; }

    /// <summary>US dollars spent by the thread so far.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Sequence number of the last turn written to the memory backend, or null when none was.</summary>
    public long? MemoryCursor { get; init; }

    /// <summary>How many conversation entries have been written to the memory backend.</summary>
    public int MemoryStoredEntries { get; init; }

    /// <summary>Hash of the configuration that produced the state (provider, model, signature), to spot a resume under different settings.</summary>
    public string ConfigHash { get; init; } = "";

    /// <summary>True once the model signalled completion and the outputs were read.</summary>
    public bool Completed { get; init; }

    /// <summary>The signature outputs, once completed.</summary>
    public IReadOnlyDictionary<string, JsonElement> Outputs { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Total tokens spent by the thread so far.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Tool calls of the last assistant entry that have no result yet (e.g. waiting for approval).</summary>
    public IReadOnlyList<ToolCallRecord> UnansweredToolCalls()
    {
        var lastAssistant = -1;
        for (var i = Conversation.Count - 1; i >= 0; i--)
        {
            if (Conversation[i].Role != ConversationEntry.AssistantRole) continue;
            lastAssistant = i;
            break;
        }
        if (lastAssistant < 0 || Conversation[lastAssistant].Calls is not { Count: > 0 } calls) return [];
        var answered = Conversation.Skip(lastAssistant + 1).Select(e => e.Result?.CallId).ToHashSet();
        return calls.Where(c => !answered.Contains(c.CallId)).ToList();
    }
}

/// <summary>One entry of the conversation, in a form that serializes the same in every process.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Text">The text (for a tool entry, a readable rendering of the result).</param>
/// <param name="Turn">The turn that produced it (0 for the task itself).</param>
/// <param name="Calls">Tool calls the assistant asked for.</param>
/// <param name="Result">For a tool entry: the call's result.</param>
public sealed record ConversationEntry(string Role, string Text, int Turn, IReadOnlyList<ToolCallRecord>? Calls = null, ToolResultRecord? Result = null)
{
    /// <summary>Role of the user (task, repair requests).</summary>
    public const string UserRole = "user";
    /// <summary>Role of the model.</summary>
    public const string AssistantRole = "assistant";
    /// <summary>Role of a tool result.</summary>
    public const string ToolRole = "tool";
}

/// <summary>A tool call as recorded in the conversation.</summary>
/// <param name="CallId">The model's call id.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
public sealed record ToolCallRecord(string CallId, string Name, string ArgumentsJson)
{
    /// <summary>
    /// Why the model's argument text could not be parsed, or null when it could. A call with an error is never run: it is
    /// answered with a failed result naming the error (<see cref="ArgumentsJson"/> is then <c>{}</c>).
    /// </summary>
    public string? ArgumentsError { get; init; }
}

/// <summary>A tool result as recorded in the conversation.</summary>
/// <param name="CallId">The call it answers.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="Status">The execution status (<c>Succeeded</c>, <c>Failed</c>, <c>Rejected</c>).</param>
/// <param name="ResultJson">The result as JSON.</param>
public sealed record ToolResultRecord(string CallId, string Name, string Status, string ResultJson);
