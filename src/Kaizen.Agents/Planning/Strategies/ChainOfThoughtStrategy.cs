using Kaizen.Agents.Planning;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning.Strategies;

/// <summary>
/// Chain-of-Thought: the model decomposes the task into reasoning steps and gives the answer, as
/// <c>{"steps":["…"],"answer":"…"}</c>. An unreadable reply gets one repair request; a reply without an answer is a stall.
/// </summary>
public sealed class ChainOfThoughtStrategy(IChatClient model) : IReasoningStrategy
{
    private const string System =
        "Solve the task by thinking step by step. Reply with only JSON: {\"steps\":[\"first reasoning step\",\"…\"],\"answer\":\"the final answer\"}. " +
        "If you cannot answer, leave \"answer\" empty.";

    private readonly IChatClient _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public ReasoningStrategyKind Kind => ReasoningStrategyKind.ChainOfThought;

    /// <inheritdoc />
    public async Task<StrategyResult> SolveAsync(string task, CancellationToken cancellationToken = default)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, System), new(ChatRole.User, task) };
        var calls = 0;
        var trace = new List<string>();
        string? lastError = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            ChatResponse reply;
            try
            {
                calls++;
                reply = await _model.GetResponseAsync(messages, new ChatOptions { ResponseFormat = StrategyReplyFormats.ChainOfThought }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
            {
                return new StrategyResult(Kind, StrategyOutcome.Failed, null, trace, calls, $"the model failed: {ex.Message}");
            }

            if (ModelJson.TryParseObject(reply.Text, out var json, out var error))
            {
                trace.AddRange(ModelJson.Strings(json, "steps").Select((s, i) => $"Step {i + 1}: {s}"));
                var answer = ModelJson.String(json, "answer");
                return string.IsNullOrWhiteSpace(answer)
                    ? new StrategyResult(Kind, StrategyOutcome.Stalled, null, trace, calls, "the model reasoned but gave no answer")
                    : new StrategyResult(Kind, StrategyOutcome.Succeeded, answer.Trim(), trace, calls);
            }
            lastError = error;
            messages.AddRange(reply.Messages);
            messages.Add(new ChatMessage(ChatRole.User, $"Your reply could not be read: {error}. Reply with only the JSON object."));
        }
        return new StrategyResult(Kind, StrategyOutcome.Failed, null, trace, calls, $"no readable reply after one repair request: {lastError}");
    }
}
