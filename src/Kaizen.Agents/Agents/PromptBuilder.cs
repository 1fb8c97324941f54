using System.Text;
using Kaizen.Agents.Checkpoints;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents;

/// <summary>
/// Builds the messages of one turn: the system prompt (signature, reply protocol, plan, memories), the task, then either
/// the whole conversation or, with a memory backend, the hot tier verbatim.
/// </summary>
/// <remarks>
/// Nothing that changes every turn (such as a turn number) goes into the system prompt: a provider that caches the
/// prompt's prefix (the local model's KV cache) would then evaluate the whole conversation again on every turn.
/// </remarks>
internal sealed class PromptBuilder(Signature signature, MemoryBridge? memory)
{
    /// <summary>Extension key whose JSON is shown to the model as the current plan.</summary>
    public const string PlanExtension = "plan";

    public async Task<List<ChatMessage>> BuildAsync(AgentState state, CancellationToken cancellationToken)
    {
        var system = new StringBuilder(signature.Describe());
        if (state.Extensions.TryGetValue(PlanExtension, out var plan)) system.AppendLine().Append("Current plan (JSON): ").Append(plan);

        var messages = new List<ChatMessage> { new(ChatRole.System, "") };
        if (memory is null)
        {
            messages.AddRange(state.Conversation.Select(ConversationMapper.ToMessage));
        }
        else
        {
            var context = await memory.LoadContextAsync(state.Task, cancellationToken).ConfigureAwait(false);
            if (context.SystemSection() is { } section) system.AppendLine().AppendLine().Append(section);
            messages.Add(ConversationMapper.ToMessage(state.Conversation[0]));
            // The task is entry 0 and already sent above; the hot tier holds it too while the session is short.
            foreach (var hot in context.Hot.Where(t => t.Content != state.Conversation[0].Text || t.Role != ConversationEntry.UserRole))
                messages.Add(new ChatMessage(hot.Role == ConversationEntry.AssistantRole ? ChatRole.Assistant : ChatRole.User, hot.Content));
        }
        messages[0] = new ChatMessage(ChatRole.System, system.ToString());
        return messages;
    }

    public static string TaskText(string task, IReadOnlyDictionary<string, string> inputs)
    {
        var text = new StringBuilder("Task: ").Append(task);
        foreach (var (name, value) in inputs) text.AppendLine().Append(name).Append(": ").Append(value);
        return text.ToString();
    }
}
