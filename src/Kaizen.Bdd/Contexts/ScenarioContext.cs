namespace Kaizen.Bdd;

/// <summary>One per scenario; injectable into bindings and hooks.</summary>
public sealed class ScenarioContext : BddContext
{
    internal ScenarioContext(ScenarioInfo scenarioInfo, FeatureContext featureContext, CancellationToken cancellationToken)
    {
        ScenarioInfo = scenarioInfo;
        FeatureContext = featureContext;
        CancellationToken = cancellationToken;
    }

    /// <summary>The running scenario.</summary>
    public ScenarioInfo ScenarioInfo { get; }

    /// <summary>The feature the scenario belongs to.</summary>
    public FeatureContext FeatureContext { get; }

    /// <summary>Cancelled when the test is aborted; pass it to async work.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The worst status so far (after-hooks can read whether the scenario failed).</summary>
    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; } = ScenarioExecutionStatus.Passed;

    /// <summary>The first error of the scenario, if any.</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>The text of the step running now (null in scenario hooks).</summary>
    public string? CurrentStepText { get; internal set; }

    /// <summary>Stops the scenario here: the current and remaining steps are reported skipped.</summary>
    public static void Skip(string reason) => throw new ScenarioSkippedException(reason);
}
