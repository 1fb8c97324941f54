using Reqnroll;
using Xunit;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// Runs one scenario of a generated test in Reqnroll's order: a test runner for the feature (ending another feature
/// that ran on the same runner, starting this one), scenario initialised, <see cref="ITestOutputHelper"/> registered,
/// then either skipped (<c>@ignore</c>) or started, the steps, the errors collected; at disposal the scenario ends and
/// the runner is released.
/// </summary>
public sealed class ScenarioRunner : IAsyncDisposable
{
    private bool _scenarioInitialized;

    private ScenarioRunner(ITestRunner runner) => Runner = runner;

    /// <summary>Reqnroll's runner: the generated steps call <c>GivenAsync</c>, <c>WhenAsync</c>… on it.</summary>
    public ITestRunner Runner { get; }

    /// <summary>A runner whose feature context is <paramref name="feature"/>'s.</summary>
    public static async ValueTask<ScenarioRunner> StartAsync(FeatureFixture feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(feature.TestAssembly, featureHint: feature.FeatureInfo);
        if (runner.FeatureContext is { } context && !ReferenceEquals(context.FeatureInfo, feature.FeatureInfo))
            await runner.OnFeatureEndAsync();
        if (runner.FeatureContext is null)
            await runner.OnFeatureStartAsync(feature.FeatureInfo);
        if (runner.FeatureContext?.BeforeFeatureHookError is { } error)
        {
            TestRunnerManager.ReleaseTestRunner(runner);
            throw new InvalidOperationException($"Scenario skipped because a [BeforeFeature] hook of '{feature.FeatureInfo.Title}' failed: {error.Message}", error);
        }
        return new ScenarioRunner(runner);
    }

    /// <summary>Initialises the scenario; returns false when it is ignored (then it is reported skipped and nothing runs).</summary>
    public async ValueTask<bool> StartScenarioAsync(ScenarioInfo scenario, RuleInfo? rule)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Runner.OnScenarioInitialize(scenario, rule);
        _scenarioInitialized = true;
        if (TestContext.Current.TestOutputHelper is { } output)
            Runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(output);
        if (scenario.CombinedTags.Any(t => string.Equals(t, "ignore", StringComparison.OrdinalIgnoreCase)))
        {
            await Runner.SkipScenarioAsync();
            return false;
        }
        await Runner.OnScenarioStartAsync();
        return true;
    }

    /// <summary>Raises what the steps left: failures, undefined and pending steps, skips.</summary>
    public async ValueTask FinishScenarioAsync() => await Runner.CollectScenarioErrorsAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_scenarioInitialized) await Runner.OnScenarioEndAsync();
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(Runner);
        }
    }
}
