using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Orchestration.Strategies;

/// <summary>
/// Adaptive execution: runs the selected strategy and, when it stalls or fails, switches to the next one; every run
/// is recorded in the <see cref="StrategyPerformanceMonitor"/>. Stops at the first answer or pending approval.
/// </summary>
public sealed class AdaptiveStrategyRunner
{
    private readonly Dictionary<ReasoningStrategyKind, IReasoningStrategy> _strategies;
    private readonly StrategySelector _selector;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner over the given strategies (at most one per kind).</summary>
    public AdaptiveStrategyRunner(IEnumerable<IReasoningStrategy> strategies, StrategyPerformanceMonitor? monitor = null, TimeProvider? timeProvider = null)
    {
        _strategies = strategies.ToDictionary(s => s.Kind);
        if (_strategies.Count == 0) throw new ArgumentException("Give at least one strategy.", nameof(strategies));
        Monitor = monitor ?? new StrategyPerformanceMonitor();
        _selector = new StrategySelector(Monitor);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The performance records this runner writes (and its selector reads).</summary>
    public StrategyPerformanceMonitor Monitor { get; }

    /// <summary>Solves <paramref name="task"/>, switching strategies as needed.</summary>
    public async Task<AdaptiveResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
    {
        var selection = _selector.Select(task);
        var order = new[] { selection.Kind }.Concat(selection.Fallbacks).Where(_strategies.ContainsKey).ToList();
        var runs = new List<StrategyResult>();
        var switches = new List<string>();

        for (var i = 0; i < order.Count; i++)
        {
            var kind = order[i];
            var started = _time.GetTimestamp();
            var result = await _strategies[kind].SolveAsync(task.ToPrompt(), cancellationToken).ConfigureAwait(false);
            Monitor.Record(kind, result.Outcome, _time.GetElapsedTime(started), result.ModelCalls);
            runs.Add(result);
            if (result.Outcome is StrategyOutcome.Succeeded or StrategyOutcome.PendingApproval)
                return new AdaptiveResult(result, selection, runs, switches);
            if (i + 1 < order.Count)
                switches.Add($"{kind} {result.Outcome.ToString().ToLowerInvariant()} ({result.Reason}); switched to {order[i + 1]}");
        }
        return new AdaptiveResult(runs[^1], selection, runs, switches);
    }
}

/// <summary>The end of an adaptive run.</summary>
/// <param name="Final">The last strategy's result (the answer, if any).</param>
/// <param name="Selection">The initial choice and why.</param>
/// <param name="Runs">Every strategy run, in order.</param>
/// <param name="Switches">Each switch with its reason.</param>
public sealed record AdaptiveResult(StrategyResult Final, StrategySelection Selection, IReadOnlyList<StrategyResult> Runs, IReadOnlyList<string> Switches);
