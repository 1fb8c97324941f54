using Kaizen.Agents.Planning.Strategies;

namespace Kaizen.Agents.Orchestration.Strategies;

/// <summary>
/// Picks a reasoning strategy from the task's context: an explicit <c>strategy</c> hint wins; tasks that need tools
/// get ReAct; exploratory tasks (alternatives, designs, puzzles) get Tree-of-Thoughts; the rest Chain-of-Thought.
/// Past performance overrides the heuristic when the chosen strategy keeps failing and another does clearly better.
/// </summary>
public sealed class StrategySelector(StrategyPerformanceMonitor? monitor = null)
{
    private static readonly string[] ToolWords = ["file", "folder", "http", "url", "fetch", "download", "api", "command", "run ", "search", "look up", "read ", "write "];
    private static readonly string[] ExploreWords = ["explore", "alternative", "options", "brainstorm", "design", "creative", "compare", "puzzle", "best way", "possibilities"];

    /// <summary>Runs a strategy needs before its record may override the heuristic (default 3).</summary>
    public int MinRunsForOverride { get; init; } = 3;

    /// <summary>Chooses the strategy for <paramref name="task"/> and the order of fallbacks.</summary>
    public StrategySelection Select(AgentTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var (kind, reason) = Heuristic(task);
        if (monitor is not null && !task.Context.ContainsKey("strategy"))
        {
            var chosen = monitor.For(kind);
            var better = monitor.All
                .Where(s => s.Kind != kind && s.Runs >= MinRunsForOverride && chosen.Runs >= MinRunsForOverride)
                .Where(s => s.SuccessRate >= chosen.SuccessRate + 0.25 && chosen.SuccessRate < 0.5)
                .OrderByDescending(s => s.SuccessRate)
                .FirstOrDefault();
            if (better is not null)
            {
                reason = $"{reason}, but {kind} succeeded {chosen.Successes}/{chosen.Runs} while {better.Kind} succeeded {better.Successes}/{better.Runs}";
                kind = better.Kind;
            }
        }
        return new StrategySelection(kind, reason, Fallbacks(kind));
    }

    private static (ReasoningStrategyKind, string) Heuristic(AgentTask task)
    {
        if (task.Context.TryGetValue("strategy", out var hint))
        {
            return Enum.TryParse<ReasoningStrategyKind>(hint, ignoreCase: true, out var asked)
                ? (asked, $"the task context asks for {asked}")
                : throw new ArgumentException(
                    $"Task '{task.Id}' asks for strategy '{hint}'; use one of {string.Join(", ", Enum.GetNames<ReasoningStrategyKind>())}.", nameof(task));
        }
        var text = task.Description.ToLowerInvariant() + " ";
        if ((task.Context.TryGetValue("needs_tools", out var tools) && bool.TryParse(tools, out var needs) && needs)
            || task.RequiredCapabilities.Contains("tools", StringComparer.OrdinalIgnoreCase)
            || ToolWords.Any(text.Contains))
            return (ReasoningStrategyKind.ReAct, "the task needs tools");
        if (ExploreWords.Any(text.Contains))
            return (ReasoningStrategyKind.TreeOfThoughts, "the task is exploratory");
        return (ReasoningStrategyKind.ChainOfThought, "the task is step-by-step reasoning");
    }

    private IReadOnlyList<ReasoningStrategyKind> Fallbacks(ReasoningStrategyKind first)
    {
        var others = Enum.GetValues<ReasoningStrategyKind>().Where(k => k != first);
        return monitor is null
            ? others.ToList()
            : others.OrderByDescending(k => monitor.For(k).SuccessRate ?? 0.5).ThenBy(k => k).ToList();
    }
}

/// <summary>The selector's choice.</summary>
/// <param name="Kind">The strategy to start with.</param>
/// <param name="Reason">Why.</param>
/// <param name="Fallbacks">Strategies to switch to, in order, if it stalls.</param>
public sealed record StrategySelection(ReasoningStrategyKind Kind, string Reason, IReadOnlyList<ReasoningStrategyKind> Fallbacks);
