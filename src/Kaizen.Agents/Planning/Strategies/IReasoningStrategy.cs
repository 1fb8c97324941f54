namespace Kaizen.Agents.Planning.Strategies;

/// <summary>The reasoning strategies of the Python Kaizen.</summary>
public enum ReasoningStrategyKind
{
    /// <summary>Reason → act (tool call) → observe, repeated.</summary>
    ReAct,
    /// <summary>Decompose into steps, then answer.</summary>
    ChainOfThought,
    /// <summary>Several candidate branches scored; the best kept (beam search).</summary>
    TreeOfThoughts,
}

/// <summary>A way of solving one task with a model.</summary>
public interface IReasoningStrategy
{
    /// <summary>Which strategy this is.</summary>
    ReasoningStrategyKind Kind { get; }

    /// <summary>Solves <paramref name="task"/>. Model or tool failures come back as a result; only cancellation throws.</summary>
    Task<StrategyResult> SolveAsync(string task, CancellationToken cancellationToken = default);
}

/// <summary>How a strategy run ended.</summary>
public enum StrategyOutcome
{
    /// <summary>An answer was found.</summary>
    Succeeded,
    /// <summary>No progress: the budget ran out, or the model kept repeating itself / gave no answer.</summary>
    Stalled,
    /// <summary>An error ended the run (unreadable replies, model failure).</summary>
    Failed,
    /// <summary>A tool call waits for approval (ReAct): stop, checkpoint, resume later.</summary>
    PendingApproval,
}

/// <summary>The result of a strategy run.</summary>
/// <param name="Kind">The strategy.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Answer">The answer when it succeeded, else null.</param>
/// <param name="Trace">What happened, step by step (thoughts, actions, observations, candidates, scores).</param>
/// <param name="ModelCalls">How many model requests it made.</param>
/// <param name="Reason">Why it stalled or failed.</param>
public sealed record StrategyResult(
    ReasoningStrategyKind Kind, StrategyOutcome Outcome, string? Answer, IReadOnlyList<string> Trace, int ModelCalls, string? Reason = null)
{
    /// <summary>True when an answer was found.</summary>
    public bool Succeeded => Outcome == StrategyOutcome.Succeeded;
}
