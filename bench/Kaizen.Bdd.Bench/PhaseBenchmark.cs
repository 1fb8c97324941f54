using System.Diagnostics;
using System.Globalization;
using Gherkin.CucumberMessages;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Running;

namespace Kaizen.Bdd.Bench;

/// <summary>Where the engine's time goes for one 1,000-scenario feature: parse, plan (step matching), run.</summary>
internal static class PhaseBenchmark
{
    public static async Task ReportAsync()
    {
        var feature = OverheadBenchmark.Feature();
        var n = CultureInfo.InvariantCulture;
        Console.WriteLine("Phases of one 1,000-scenario feature (no messages), 3 rounds:");
        for (var round = 0; round < 3; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            var ids = new GuidIdGenerator();
            var compiled = FeatureCompiler.Compile(feature, ids, "en");
            var parsed = stopwatch.Elapsed.TotalMilliseconds;
            var registry = BindingRegistry.Build([typeof(BenchSteps)], ids);
            var session = new RunSession(registry, null, ids, TimeProvider.System, MissingOrPendingStepsOutcome.Pending, "en");
            var execution = new FeatureExecution(session, compiled);
            var planned = stopwatch.Elapsed.TotalMilliseconds;
            foreach (var testCase in execution.TestCases) await execution.RunAsync(testCase, CancellationToken.None);
            var ran = stopwatch.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Format(n, "  parse {0,6:F1} ms | plan {1,6:F1} ms | run {2,6:F1} ms ({3:F1} us per scenario)",
                parsed, planned - parsed, ran - planned, (ran - planned) * 1000 / OverheadBenchmark.Scenarios));
        }

        var sink = new Kaizen.Bdd.Messages.InMemoryEnvelopeSink();
        await new BddTestRun(new BddRunOptions { BindingTypes = [typeof(BenchSteps)], Sink = sink }).RunAsync([feature]);
        var envelopes = sink.Envelopes;
        for (var round = 0; round < 3; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            long bytes = 0;
            foreach (var envelope in envelopes) bytes += Kaizen.Bdd.Messages.Serialization.NdjsonSerializer.Serialize(envelope).Length;
            Console.WriteLine(string.Format(n, "  serialize {0:N0} envelopes ({1:N0} chars): {2,6:F1} ms", envelopes.Count, bytes, stopwatch.Elapsed.TotalMilliseconds));
        }
    }
}
