namespace Kaizen.Agents.Planning.Strategies;

/// <summary>Runs each plan step with a reasoning strategy: success when the strategy finds an answer.</summary>
public sealed class StrategyStepExecutor(IReasoningStrategy strategy) : IPlanStepExecutor
{
    /// <inheritdoc />
    public async Task<StepOutcome> ExecuteAsync(PlanStepRequest request, CancellationToken cancellationToken = default)
    {
        var result = await strategy.SolveAsync(request.ToPrompt(), cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? StepOutcome.Success(result.Answer!)
            : StepOutcome.Failure($"{result.Kind} {result.Outcome}: {result.Reason}");
    }
}
