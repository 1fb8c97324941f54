using Kaizen.Agents.Orchestration.Routing;

namespace Kaizen.Agents.Orchestration;

/// <summary>
/// How busy each agent of a <see cref="MetaController"/> is: tasks running on it now and tasks given to it so far.
/// Orders a router's candidates so that, among equally ranked ones, the least busy comes first. Thread-safe.
/// </summary>
internal sealed class AgentLoad
{
    private readonly Dictionary<string, (int Running, int Assigned)> _byAgent = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>
    /// The candidates in the order to try them, with the first one already counted as started (so parallel callers
    /// see it busy at once), and a sentence saying why the first was chosen (null when it was the only candidate).
    /// </summary>
    public (IReadOnlyList<ITaskAgent> Order, string? Why) PlanAndStartFirst(RoutingDecision decision)
    {
        var candidates = decision.Candidates;
        var ranks = decision.Ranks;
        if (ranks is not null && ranks.Count != candidates.Count)
            throw new InvalidOperationException(
                $"The router gave {ranks.Count} rank(s) for {candidates.Count} candidate(s); RoutingDecision.Ranks must have one rank per candidate.");

        lock (_gate)
        {
            var ordered = candidates
                .Select((agent, position) => (agent, position, rank: ranks?[position] ?? position, load: LoadOf(agent)))
                .OrderBy(c => c.rank)
                .ThenBy(c => c.load.Running)
                .ThenBy(c => c.load.Assigned)
                .ThenBy(c => c.position)
                .ToList();
            var first = ordered[0];
            var peers = ordered.Where(c => c.rank == first.rank).ToList();
            var why = ordered.Count == 1 ? null
                : peers.Count == 1
                ? $"{first.agent.Name} tried first as the best ranked candidate"
                : $"{first.agent.Name} tried first as the least busy of the equally ranked " +
                  string.Join(", ", peers.OrderBy(c => c.position).Select(c => $"{c.agent.Name} ({c.load.Running} running, {c.load.Assigned} assigned)"));
            Add(first.agent, running: 1, assigned: 1);
            return (ordered.Select(c => c.agent).ToList(), why);
        }
    }

    /// <summary>Counts a task as started on <paramref name="agent"/>.</summary>
    public void Start(ITaskAgent agent)
    {
        lock (_gate) Add(agent, running: 1, assigned: 1);
    }

    /// <summary>Counts a task as ended on <paramref name="agent"/>.</summary>
    public void Finish(ITaskAgent agent)
    {
        lock (_gate) Add(agent, running: -1, assigned: 0);
    }

    private (int Running, int Assigned) LoadOf(ITaskAgent agent) => _byAgent.GetValueOrDefault(agent.Name);

    private void Add(ITaskAgent agent, int running, int assigned)
    {
        var (r, a) = LoadOf(agent);
        _byAgent[agent.Name] = (r + running, a + assigned);
    }
}
