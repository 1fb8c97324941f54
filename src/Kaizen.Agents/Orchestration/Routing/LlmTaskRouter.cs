using Kaizen.Agents.Planning;
using Microsoft.Extensions.AI;
using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Orchestration.Routing;

/// <summary>
/// Lets the model pick among the agents the capability filter allows (<c>{"agent":"name","reason":"…"}</c>).
/// The model can only reorder capable agents, never add one; an unusable answer keeps the capability order.
/// The model's choice carries no ranks, so the controller tries the chosen agent first however busy it is.
/// </summary>
public sealed class LlmTaskRouter(IChatClient model, ITaskRouter? filter = null) : ITaskRouter
{
    private readonly IChatClient _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly ITaskRouter _filter = filter ?? new CapabilityRouter();

    /// <inheritdoc />
    public async Task<RoutingDecision> RouteAsync(AgentTask task, IReadOnlyList<ITaskAgent> agents, CancellationToken cancellationToken = default)
    {
        var decision = await _filter.RouteAsync(task, agents, cancellationToken).ConfigureAwait(false);
        if (decision.Candidates.Count <= 1) return decision;

        var prompt =
            $"Task: {task.Description}\nWhich agent should do it? Candidates:\n" +
            string.Join("\n", decision.Candidates.Select(a => $"- {a.Name}: {string.Join(", ", a.Capabilities)}")) +
            "\nReply with only JSON: {\"agent\":\"name\",\"reason\":\"why\"}";
        string text;
        try
        {
            text = (await _model.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { ResponseFormat = StrategyReplyFormats.Route(decision.Candidates.Select(a => a.Name)) }, cancellationToken).ConfigureAwait(false)).Text;
        }
        catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
        {
            return decision with { Reason = $"{decision.Reason}; LLM router failed ({ex.Message}), capability order kept" };
        }

        var chosenName = ModelJson.TryParseObject(text, out var json, out _) ? ModelJson.String(json, "agent") : null;
        var chosen = decision.Candidates.FirstOrDefault(a => string.Equals(a.Name, chosenName, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
            return decision with { Reason = $"{decision.Reason}; LLM router answer '{chosenName ?? text}' is not a candidate, capability order kept" };

        var why = ModelJson.String(json, "reason");
        return new RoutingDecision([chosen, .. decision.Candidates.Where(a => a != chosen)],
            $"LLM router chose {chosen.Name}{(string.IsNullOrWhiteSpace(why) ? "" : $": {why}")} (from {decision.Reason})");
    }
}
