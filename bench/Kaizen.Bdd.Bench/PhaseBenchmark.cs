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
    /// <summary>
    /// The same phases paid once in a fresh process (what every <c>dotnet test</c> run pays): JIT of the parser, the
    /// planner, the runner and the serializer included. Runs this program again with <c>--cold-phases</c>.
    /// </summary>
    public static async Task ReportColdAsync()
    {
        Console.WriteLine("Phases in a fresh process (first run: JIT included), 3 processes:");
        Console.WriteLine("  ([ours] = the engine's message writer, [STJ] = whole envelopes through System.Text.Json, as before 2026-11-24)");
        for (var round = 0; round < 3; round++)
            foreach (var arguments in new[] { "--cold-phases", "--cold-phases --general" })
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!, arguments) { RedirectStandardOutput = true };
                using var process = Process.Start(start)!;
                Console.Write(await process.StandardOutput.ReadToEndAsync());
                await process.WaitForExitAsync();
            }
    }

    /// <summary>Body of the <c>--cold-phases</c> child process: one pass over every phase, then the serializer.</summary>
    /// <param name="general">Serialize whole envelopes through System.Text.Json's reflection path (the engine's writer before the hand-written messages), for comparison.</param>
    public static async Task RunColdPhasesAsync(bool general)
    {
        var feature = OverheadBenchmark.Feature();
        var n = CultureInfo.InvariantCulture;
        var stopwatch = Stopwatch.StartNew();
        var ids = new GuidIdGenerator();
        var registry = BindingRegistry.Build([typeof(BenchSteps)], ids);
        var bound = stopwatch.Elapsed.TotalMilliseconds;
        var compiled = FeatureCompiler.Compile(feature, ids, "en");
        var parsed = stopwatch.Elapsed.TotalMilliseconds;
        var sink = new Kaizen.Bdd.Messages.InMemoryEnvelopeSink();
        var session = new RunSession(registry, sink, ids, TimeProvider.System, MissingOrPendingStepsOutcome.Pending, "en");
        session.EmitFeature(compiled);
        var execution = new FeatureExecution(session, compiled);
        execution.EmitTestCases();
        var planned = stopwatch.Elapsed.TotalMilliseconds;
        foreach (var testCase in execution.TestCases) await execution.RunAsync(testCase, CancellationToken.None);
        var ran = stopwatch.Elapsed.TotalMilliseconds;
        // As the NDJSON file sink writes: UTF-8 straight into a stream.
        using (var json = new System.Text.Json.Utf8JsonWriter(Stream.Null, Kaizen.Bdd.Messages.Serialization.NdjsonSerializer.WriterOptions))
            foreach (var envelope in sink.Envelopes)
            {
                if (general) System.Text.Json.JsonSerializer.Serialize(json, envelope, Kaizen.Bdd.Messages.Serialization.NdjsonSerializer.Options);
                else Kaizen.Bdd.Messages.Serialization.NdjsonSerializer.Write(json, envelope);
                json.Flush();
                json.Reset();
            }
        var serialized = stopwatch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Format(n, (general ? "  [STJ]   " : "  [ours]  ") + "bindings {0,5:F1} ms | parse {1,6:F1} ms | plan {2,6:F1} ms | run {3,6:F1} ms | serialize {4:N0} envelopes {5,6:F1} ms",
            bound, parsed - bound, planned - parsed, ran - planned, sink.Envelopes.Count, serialized - ran));
    }

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
