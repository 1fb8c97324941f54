using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning;

/// <summary>
/// Plans, executes and replans: asks the model for a plan, runs each step through an <see cref="IPlanStepExecutor"/>,
/// and when a step fails asks for a revised plan that keeps the completed steps, up to
/// <see cref="PlanningAgentOptions.MaxReplans"/> times. The plan is reported after every change so it can be
/// checkpointed, and <see cref="ResumeAsync"/> continues a stored plan.
/// </summary>
public sealed class PlanningAgent
{
    private readonly Planner _planner;
    private readonly IPlanStepExecutor _steps;
    private readonly PlanningAgentOptions _options;

    /// <summary>Creates a planning agent.</summary>
    /// <param name="model">The model that writes plans.</param>
    /// <param name="steps">Runs each step (the agent loop, a strategy, or code).</param>
    /// <param name="options">Replan budget, size limit, plan-changed hook.</param>
    public PlanningAgent(IChatClient model, IPlanStepExecutor steps, PlanningAgentOptions? options = null)
    {
        _options = options ?? new PlanningAgentOptions();
        _planner = new Planner(model, _options.MaxSteps, _options.MinSteps);
        _steps = steps ?? throw new ArgumentNullException(nameof(steps));
    }

    /// <summary>Plans <paramref name="goal"/> and runs the plan.</summary>
    public async Task<PlanningResult> RunAsync(string goal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goal);
        var plan = Plan.Create(goal, await _planner.CreateAsync(goal, cancellationToken).ConfigureAwait(false));
        await ChangedAsync(plan, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Continues a plan (e.g. read back from a checkpoint): completed steps are not run again.</summary>
    public Task<PlanningResult> ResumeAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ExecuteAsync(plan, cancellationToken);
    }

    private async Task<PlanningResult> ExecuteAsync(Plan plan, CancellationToken cancellationToken)
    {
        while (plan.NextStep is { } step)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await RunStepAsync(plan, step, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                plan = plan.With(step with { Status = PlanStepStatus.Succeeded, Output = outcome.Output, Error = null });
                await ChangedAsync(plan, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var error = outcome.Error ?? "the step reported failure without a reason";
            plan = plan.With(step with { Status = PlanStepStatus.Failed, Output = outcome.Output, Error = error });
            await ChangedAsync(plan, cancellationToken).ConfigureAwait(false);
            if (plan.ReplanCount >= _options.MaxReplans)
            {
                return new PlanningResult(plan, false,
                    $"step {step.Number} ('{step.Description}') failed: {error}; the replan budget ({_options.MaxReplans}) is used up");
            }

            var revised = await _planner.ReviseAsync(plan, step, error, cancellationToken).ConfigureAwait(false);
            plan = plan.Revise(revised, new PlanFailure(plan.Revision, step.Description, error));
            await ChangedAsync(plan, cancellationToken).ConfigureAwait(false);
        }
        return new PlanningResult(plan, true, null);
    }

    private async Task<StepOutcome> RunStepAsync(Plan plan, PlanStep step, CancellationToken cancellationToken)
    {
        try
        {
            return await _steps.ExecuteAsync(new PlanStepRequest(plan.Goal, step, plan.CompletedSteps, plan), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
        {
            return StepOutcome.Failure($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private ValueTask ChangedAsync(Plan plan, CancellationToken cancellationToken) =>
        _options.OnPlanChanged?.Invoke(plan, cancellationToken) ?? ValueTask.CompletedTask;
}

/// <summary>The end of a planning run.</summary>
/// <param name="Plan">The final plan with every step's status and output.</param>
/// <param name="Succeeded">Every step succeeded.</param>
/// <param name="FailureReason">Why not, when it did not.</param>
public sealed record PlanningResult(Plan Plan, bool Succeeded, string? FailureReason)
{
    /// <summary>The output of the last completed step (the plan's result), or null.</summary>
    public string? FinalOutput => Plan.CompletedSteps.LastOrDefault()?.Output;
}
