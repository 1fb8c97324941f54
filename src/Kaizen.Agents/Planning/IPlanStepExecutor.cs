namespace Kaizen.Agents.Planning;

/// <summary>
/// Runs one plan step. This is the seam to the agent loop: an implementation sends the step to the
/// <c>AutonomousAgent</c> (or a reasoning strategy, or any code) and reports what happened.
/// </summary>
public interface IPlanStepExecutor
{
    /// <summary>Runs <paramref name="request"/>'s step. Exceptions other than cancellation count as a failed step.</summary>
    Task<StepOutcome> ExecuteAsync(PlanStepRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What a step executor is given.</summary>
/// <param name="Goal">The plan's goal.</param>
/// <param name="Step">The step to run.</param>
/// <param name="CompletedSteps">Steps already done, with their outputs (context for the step).</param>
/// <param name="Plan">The whole current plan.</param>
public sealed record PlanStepRequest(string Goal, PlanStep Step, IReadOnlyList<PlanStep> CompletedSteps, Plan Plan)
{
    /// <summary>A prompt describing the step in context, for executors that hand it to a model.</summary>
    public string ToPrompt()
    {
        var done = CompletedSteps.Count == 0
            ? "none"
            : string.Join("\n", CompletedSteps.Select(s => $"{s.Number}. {s.Description} -> {s.Output}"));
        return $"Goal: {Goal}\nCompleted steps:\n{done}\nNow do step {Step.Number}: {Step.Description}\nExpected outcome: {Step.ExpectedOutcome}";
    }
}

/// <summary>The result of one step.</summary>
/// <param name="Succeeded">Whether the step met its expected outcome.</param>
/// <param name="Output">What it produced.</param>
/// <param name="Error">Why it failed (null on success).</param>
public sealed record StepOutcome(bool Succeeded, string Output, string? Error = null)
{
    /// <summary>A successful outcome.</summary>
    public static StepOutcome Success(string output) => new(true, output);

    /// <summary>A failed outcome.</summary>
    public static StepOutcome Failure(string error, string output = "") => new(false, output, error);
}

/// <summary>A step executor from a delegate.</summary>
public sealed class DelegateStepExecutor(Func<PlanStepRequest, CancellationToken, Task<StepOutcome>> execute) : IPlanStepExecutor
{
    /// <inheritdoc />
    public Task<StepOutcome> ExecuteAsync(PlanStepRequest request, CancellationToken cancellationToken = default) =>
        execute(request, cancellationToken);
}
