using System.Text.Json;

namespace Kaizen.Agents.Planning;

/// <summary>
/// Runs each plan step through the agent loop: one <see cref="AutonomousAgent.RunAutonomousAsync(AgentRunRequest, CancellationToken)"/> per step, with the current
/// plan in the run's extensions (shown to the model and saved in every checkpoint). A completed run is a successful
/// step (its output is the signature output <c>outputName</c>); a run that hits its turn limit is a failed step; an
/// interrupt (e.g. a tool waiting for approval) propagates as <c>AgentInterruptedException</c>.
/// </summary>
public sealed class AgentStepExecutor(AutonomousAgent agent, int? maxTurnsPerStep = null, string outputName = "result") : IPlanStepExecutor
{
    private readonly AutonomousAgent _agent = agent ?? throw new ArgumentNullException(nameof(agent));

    /// <inheritdoc />
    public async Task<StepOutcome> ExecuteAsync(PlanStepRequest request, CancellationToken cancellationToken = default)
    {
        var extensions = new Dictionary<string, string> { [Plan.CheckpointKey] = request.Plan.ToJson() };
        var run = await _agent.RunAutonomousAsync(
            new AgentRunRequest(request.ToPrompt()) { MaxTurns = maxTurnsPerStep, Extensions = extensions }, cancellationToken).ConfigureAwait(false);
        if (run.StopReason != AgentStopReason.Completed)
            return StepOutcome.Failure(
                $"the agent stopped ({run.StopReason}) after {run.Turns} turn(s) without completing the step" + ToolFailures(run));
        return StepOutcome.Success(OutputText(run));
    }

    // The replanner needs the cause, not only that the step did not finish: the tools that failed during the step's run.
    private static string ToolFailures(AgentRunResult run)
    {
        var failures = run.State.Conversation
            .Where(e => e.Result is { } result && result.Status == nameof(Tools.ToolExecutionStatus.Failed))
            .Select(e => $"tool '{e.Result!.Name}' failed: {e.Text}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return failures.Count == 0 ? "" : "; " + string.Join("; ", failures);
    }

    private string OutputText(AgentRunResult run) =>
        run.Outputs.TryGetValue(outputName, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : JsonSerializer.Serialize(run.Outputs);
}
