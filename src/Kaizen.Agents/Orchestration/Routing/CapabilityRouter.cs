namespace Kaizen.Agents.Orchestration.Routing;

/// <summary>
/// Routes by declared capabilities: only agents with every required capability qualify; specialists (fewest extra
/// capabilities) come first, then registration order. Agents with the same number of extra capabilities share a rank
/// (<see cref="RoutingDecision.Ranks"/>), so the controller can spread tasks among them by load.
/// </summary>
public sealed class CapabilityRouter : ITaskRouter
{
    /// <inheritdoc />
    public Task<RoutingDecision> RouteAsync(AgentTask task, IReadOnlyList<ITaskAgent> agents, CancellationToken cancellationToken = default)
    {
        var required = task.RequiredCapabilities;
        var capable = agents
            .Select((agent, order) => (agent, order))
            .Where(x => required.All(c => x.agent.Capabilities.Contains(c, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(x => x.agent.Capabilities.Count - required.Count)
            .ThenBy(x => x.order)
            .Select(x => (x.agent, rank: x.agent.Capabilities.Count - required.Count))
            .ToList();

        var needs = required.Count == 0 ? "no particular capability" : $"[{string.Join(", ", required)}]";
        var reason = capable.Count > 0
            ? $"capability match for {needs}: {string.Join(", ", capable.Select(a => a.agent.Name))}"
            : $"no registered agent has {needs} (registered: {string.Join("; ", agents.Select(a => $"{a.Name} [{string.Join(", ", a.Capabilities)}]"))})";
        return Task.FromResult(new RoutingDecision(capable.Select(a => a.agent).ToList(), reason) { Ranks = capable.Select(a => a.rank).ToList() });
    }
}
