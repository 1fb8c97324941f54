namespace Kaizen.Bdd.Running;

/// <summary>The result of one test step while a scenario runs.</summary>
internal sealed record StepExecution(ScenarioExecutionStatus Status, string? Message, System.Exception? Error)
{
    public static StepExecution Passed { get; } = new(ScenarioExecutionStatus.Passed, null, null);
    public static StepExecution Skipped { get; } = new(ScenarioExecutionStatus.Skipped, null, null);

    /// <summary>Classifies what a hook or step threw: pending, skipped (xUnit's dynamic skip) or failed.</summary>
    public static StepExecution FromException(System.Exception error) => error switch
    {
        PendingStepException pending => new(ScenarioExecutionStatus.Pending, pending.Message, pending),
        _ when error.Message.StartsWith(Xunit.v3.DynamicSkipToken.Value, StringComparison.Ordinal) =>
            new(ScenarioExecutionStatus.Skipped, error.Message[Xunit.v3.DynamicSkipToken.Value.Length..], error),
        _ => new(ScenarioExecutionStatus.Failed, error.Message, error),
    };
}
