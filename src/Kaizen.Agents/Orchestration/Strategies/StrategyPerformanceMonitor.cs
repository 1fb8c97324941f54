using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Orchestration.Strategies;

/// <summary>Meta-cognitive monitoring: how each reasoning strategy has performed so far. Thread-safe.</summary>
public sealed class StrategyPerformanceMonitor
{
    private readonly Dictionary<ReasoningStrategyKind, StrategyStats> _stats = [];
    private readonly Lock _gate = new();

    /// <summary>Records one run.</summary>
    public void Record(ReasoningStrategyKind kind, StrategyOutcome outcome, TimeSpan duration, int modelCalls)
    {
        lock (_gate)
        {
            var s = _stats.GetValueOrDefault(kind) ?? new StrategyStats(kind, 0, 0, 0, 0, TimeSpan.Zero, 0);
            _stats[kind] = s with
            {
                Runs = s.Runs + 1,
                Successes = s.Successes + (outcome == StrategyOutcome.Succeeded ? 1 : 0),
                Stalls = s.Stalls + (outcome == StrategyOutcome.Stalled ? 1 : 0),
                Failures = s.Failures + (outcome == StrategyOutcome.Failed ? 1 : 0),
                TotalDuration = s.TotalDuration + duration,
                ModelCalls = s.ModelCalls + modelCalls,
            };
        }
    }

    /// <summary>The record of one strategy (zeros if it never ran).</summary>
    public StrategyStats For(ReasoningStrategyKind kind)
    {
        lock (_gate) return _stats.GetValueOrDefault(kind) ?? new StrategyStats(kind, 0, 0, 0, 0, TimeSpan.Zero, 0);
    }

    /// <summary>Every strategy's record.</summary>
    public IReadOnlyList<StrategyStats> All => Enum.GetValues<ReasoningStrategyKind>().Select(For).ToList();
}

/// <summary>One strategy's record.</summary>
/// <param name="Kind">The strategy.</param>
/// <param name="Runs">Runs recorded.</param>
/// <param name="Successes">Runs that found an answer.</param>
/// <param name="Stalls">Runs that stalled.</param>
/// <param name="Failures">Runs that failed.</param>
/// <param name="TotalDuration">Time spent in all runs.</param>
/// <param name="ModelCalls">Model requests made in all runs.</param>
public sealed record StrategyStats(ReasoningStrategyKind Kind, int Runs, int Successes, int Stalls, int Failures, TimeSpan TotalDuration, int ModelCalls)
{
    /// <summary>Successes / runs, or null before the first run.</summary>
    public double? SuccessRate => Runs == 0 ? null : (double)Successes / Runs;

    /// <summary>Mean time per run.</summary>
    public TimeSpan AverageDuration => Runs == 0 ? TimeSpan.Zero : TotalDuration / Runs;
}
