using System.ComponentModel;
using System.Reflection;

namespace Kaizen.Bdd.Running;

/// <summary>
/// Runs the scenarios of one feature for a generated test class (one instance per feature, held by its class fixture).
/// Generated code: <c>await FeatureRunner.StartAsync(assembly, uri, text)</c> once, <c>RunScenarioAsync(line)</c> per test,
/// <c>DisposeAsync()</c> at the end (AfterFeature hooks).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class FeatureRunner : IAsyncDisposable
{
    private readonly BddRuntime.AssemblyRun _run;
    private readonly FeatureExecution _execution;

    private FeatureRunner(BddRuntime.AssemblyRun run, FeatureExecution execution)
    {
        _run = run;
        _execution = execution;
    }

    /// <summary>Parses the feature, writes its messages and runs its BeforeFeature hooks.</summary>
    /// <param name="testAssembly">The assembly holding the generated tests and bindings.</param>
    /// <param name="uri">The feature's uri (relative path).</param>
    /// <param name="featureText">The Gherkin source, embedded by the generator.</param>
    public static async Task<FeatureRunner> StartAsync(Assembly testAssembly, string uri, string featureText)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var run = await BddRuntime.GetRunAsync(testAssembly).ConfigureAwait(false);
        var session = run.Session;
        var compiled = FeatureCompiler.Compile(new FeatureSource(uri, featureText), session.Ids, session.FeatureLanguage);
        if (compiled.ParseErrors.Count > 0)
            throw new InvalidOperationException($"{uri}: {string.Join(Environment.NewLine, compiled.ParseErrors.Select(e => e.Message))}");
        var execution = new FeatureExecution(session, compiled);
        session.EmitFeature(compiled);
        execution.EmitTestCases();
        await execution.StartAsync().ConfigureAwait(false);
        return new FeatureRunner(run, execution);
    }

    /// <summary>Runs the scenario (or Examples row) whose pickle starts at <paramref name="line"/>; throws to fail or skip the test.</summary>
    public async Task RunScenarioAsync(int line)
    {
        var testCase = _execution.FindByLine(line);
        var result = await _execution.RunAsync(testCase, Xunit.TestContext.Current.CancellationToken).ConfigureAwait(false);
        XunitOutcome.Report(result, _run.Configuration.MissingOrPendingStepsOutcome);
    }

    /// <summary>Runs the AfterFeature hooks; a failing hook fails the fixture cleanup.</summary>
    public async ValueTask DisposeAsync()
    {
        var error = await _execution.FinishAsync().ConfigureAwait(false);
        await _run.Session.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (error is not null) throw new ScenarioFailedException($"AfterFeature hook of {_execution.Compiled.Source.Uri} failed: {error.Message}", error);
    }
}
