using System.Text;
using Kaizen.Agents.Checkpoints;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>
/// Builds the messages of one turn: the system prompt (signature and reply protocol), the task, then either the whole
/// conversation or, with a memory backend, the hot tier verbatim, and last a note with what changes from turn to turn
/// (the plan, recalled memories, the turn number).
/// </summary>
/// <remarks>
/// What changes every turn goes last so that a provider that caches the prompt's prefix (the local model's KV cache)
/// evaluates only the new entries of the conversation: a turn number in the system prompt would make it evaluate the
/// whole conversation again on every turn.
/// </remarks>
internal sealed class PromptBuilder(Signature signature, MemoryBridge? memory)
{
    /// <summary>Extension key whose JSON is shown to the model as the current plan.</summary>
    public const string PlanExtension = "plan";

    public async Task<List<ChatMessage>> BuildAsync(AgentState state, int turn, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, signature.Describe()) };
        var note = new StringBuilder();
        if (state.Extensions.TryGetValue(PlanExtension, out var plan)) note.Append("Current plan (JSON): ").Append(plan).AppendLine().AppendLine();
        if (memory is null)
        {
            var noted = 0;
            foreach (var entry in state.Conversation)
            {
                // An earlier turn keeps a note as it was sent, less what has changed since, so the prompt's prefix repeats.
                if (entry.Turn > noted)
                {
                    messages.Add(new ChatMessage(ChatRole.User, TurnLine(entry.Turn, state.MaxTurns)));
                    noted = entry.Turn;
                }
                messages.Add(ConversationMapper.ToMessage(entry));
            }
        }
        else
        {
            var context = await memory.LoadContextAsync(state.Task, cancellationToken).ConfigureAwait(false);
            if (context.Section() is { } section) note.Append(section).AppendLine().AppendLine();
            messages.Add(ConversationMapper.ToMessage(state.Conversation[0]));
            // The task is entry 0 and already sent above; the hot tier holds it too while the session is short.
            foreach (var hot in context.Hot.Where(t => t.Content != state.Conversation[0].Text || t.Role != ConversationEntry.UserRole))
                messages.Add(new ChatMessage(hot.Role == ConversationEntry.AssistantRole ? ChatRole.Assistant : ChatRole.User, hot.Content));
        }
        note.Append(TurnLine(turn, state.MaxTurns));
        messages.Add(new ChatMessage(ChatRole.User, note.ToString()));
        return messages;
    }

    private static string TurnLine(int turn, int maxTurns) => $"This is turn {turn} of at most {maxTurns}.";

    public static string TaskText(string task, IReadOnlyDictionary<string, string> inputs)
    {
        var text = new StringBuilder("Task: ").Append(task);
        foreach (var (name, value) in inputs) text.AppendLine().Append(name).Append(": ").Append(value);
        return text.ToString();
    }
}
