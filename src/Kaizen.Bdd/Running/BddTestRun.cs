using Gherkin.CucumberMessages;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Messages;

namespace Kaizen.Bdd.Running;

/// <summary>
/// Runs feature sources against explicit binding types outside xUnit discovery (conformance tests, tools):
/// every scenario in file order, with hooks, into the options' envelope sink.
/// Messages come in Cucumber's order: meta, sources/documents/pickles, bindings, testRunStarted, testCases, executions, testRunFinished.
/// </summary>
public sealed class BddTestRun(BddRunOptions options)
{
    /// <summary>Runs the features and returns one result per scenario.</summary>
    public async Task<BddRunResult> RunAsync(IEnumerable<FeatureSource> features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var ids = new SynchronizedIdGenerator(options.IdGenerator ?? new GuidIdGenerator());
        var compiled = features.Select(f => FeatureCompiler.Compile(f, ids, options.FeatureLanguage)).ToList();
        var registry = BindingRegistry.Build(options.BindingTypes, ids);
        var session = new RunSession(registry, options.Sink, ids, options.TimeProvider, options.MissingOrPendingStepsOutcome, options.FeatureLanguage);

        session.EmitMeta();
        foreach (var feature in compiled) session.EmitFeature(feature);
        session.EmitBindings();
        var executions = compiled.Select(c => new FeatureExecution(session, c)).ToList();
        await session.StartRunAsync(cancellationToken).ConfigureAwait(false);
        var results = new List<ScenarioResult>();
        if (session.BeforeTestRunFailed) executions.Clear(); // Cucumber runs no test case after a failing BeforeAll.
        foreach (var execution in executions) execution.EmitTestCases();

        foreach (var execution in executions)
        {
            if (execution.TestCases.Count == 0) continue;
            await execution.StartAsync().ConfigureAwait(false);
            foreach (var testCase in execution.TestCases)
                results.Add(await execution.RunAsync(testCase, cancellationToken).ConfigureAwait(false));
            if (await execution.FinishAsync().ConfigureAwait(false) is not null) session.ReportFailure();
        }
        await session.FinishRunAsync(cancellationToken).ConfigureAwait(false);
        return new BddRunResult(results, session.Success);
    }
}
