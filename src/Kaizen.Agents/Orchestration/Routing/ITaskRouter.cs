namespace Kaizen.Agents.Orchestration.Routing;

/// <summary>Chooses which agents may take a task and in which order to try them.</summary>
public interface ITaskRouter
{
    /// <summary>The capable agents, best first, and why.</summary>
    Task<RoutingDecision> RouteAsync(AgentTask task, IReadOnlyList<ITaskAgent> agents, CancellationToken cancellationToken = default);
}

/// <summary>A router's answer.</summary>
/// <param name="Candidates">Agents to try, best first (empty: nobody can do it).</param>
/// <param name="Reason">Why, in words.</param>
public sealed record RoutingDecision(IReadOnlyList<ITaskAgent> Candidates, string Reason)
{
    /// <summary>
    /// Optional rank of each candidate (same length as <see cref="Candidates"/>, lower is better). Candidates of equal
    /// rank are equally good, so the <see cref="MetaController"/> may try the least busy of them first; candidates of
    /// different rank keep the router's order. Null: every candidate has a rank of its own (the order is kept as given).
    /// </summary>
    public IReadOnlyList<int>? Ranks { get; init; }
}
