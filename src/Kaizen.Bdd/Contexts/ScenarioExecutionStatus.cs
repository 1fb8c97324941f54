namespace Kaizen.Bdd;

/// <summary>The status of a scenario or step, as in Cucumber Messages.</summary>
public enum ScenarioExecutionStatus
{
    /// <summary>Not run yet.</summary>
    Unknown,
    /// <summary>Everything passed.</summary>
    Passed,
    /// <summary>Skipped (a previous step did not pass, or a step asked to skip).</summary>
    Skipped,
    /// <summary>A step threw <see cref="PendingStepException"/>.</summary>
    Pending,
    /// <summary>A step has no matching definition.</summary>
    Undefined,
    /// <summary>A step matches several definitions.</summary>
    Ambiguous,
    /// <summary>A step or hook threw.</summary>
    Failed,
}
