using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kaizen.Bdd.Messages;
using Kaizen.Bdd.Running;

namespace Kaizen.Bdd.Bench;

/// <summary>1,000 scenarios x 5 steps through the runtime vs. the same step methods called directly.</summary>
internal static class OverheadBenchmark
{
    public const int Scenarios = 1000;

    public static FeatureSource Feature()
    {
        var text = new StringBuilder("Feature: Basket benchmark\n");
        for (var i = 0; i < Scenarios; i++)
        {
            text.Append("\n  Scenario: basket ").Append(i).Append('\n')
                .Append("    Given an empty basket\n")
                .Append("    When I add 3 \"apple\" costing 1.5\n")
                .Append("    And I remove \"apple\"\n")
                .Append("    Then the basket holds 2 items\n")
                .Append("    And the total is 4.5\n");
        }
        return new FeatureSource("bench/basket.feature", text.ToString());
    }

    public static async Task<(TimeSpan Elapsed, IReadOnlyList<double> StepMicroseconds)> RunEngineAsync(FeatureSource feature, IEnvelopeSink? sink)
    {
        var memory = sink as InMemoryEnvelopeSink;
        var stopwatch = Stopwatch.StartNew();
        var result = await new BddTestRun(new BddRunOptions { BindingTypes = [typeof(BenchSteps)], Sink = sink }).RunAsync([feature]);
        stopwatch.Stop();
        if (!result.Success || result.Scenarios.Count != Scenarios) throw new InvalidOperationException("benchmark scenarios did not all pass: " + result.Scenarios.FirstOrDefault(s => s.Status != ScenarioExecutionStatus.Passed)?.Message);
        var steps = memory?.Envelopes.Where(e => e.TestStepFinished != null)
            .Select(e => e.TestStepFinished.TestStepResult.Duration)
            .Select(d => d.Seconds * 1e6 + d.Nanos / 1e3).ToList() ?? [];
        return (stopwatch.Elapsed, steps);
    }

    public static TimeSpan RunDirect()
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Scenarios; i++)
        {
            var steps = new BenchSteps(new Basket());
            steps.EmptyBasket();
            steps.Add(3, "apple", 1.5m);
            steps.Remove("apple");
            steps.Holds(2);
            steps.TotalIs(4.5m);
        }
        return stopwatch.Elapsed;
    }

    public static async Task ReportAsync()
    {
        var feature = Feature();
        var coldFile = Path.Combine(Path.GetTempPath(), "kaizen-bdd-bench-cold.ndjson");
        TimeSpan cold;
        await using (var coldSink = new NdjsonFileEnvelopeSink(coldFile))
            cold = (await RunEngineAsync(feature, coldSink)).Elapsed; // first run in this process: JIT of parser, engine, serializer
        File.Delete(coldFile);
        RunDirect();

        var engineNoSink = new List<double>();
        var engineNdjson = new List<double>();
        var direct = new List<double>();
        var stepTimes = new List<double>();
        var file = Path.Combine(Path.GetTempPath(), "kaizen-bdd-bench.ndjson");
        for (var round = 0; round < 5; round++)
        {
            engineNoSink.Add((await RunEngineAsync(feature, null)).Elapsed.TotalMilliseconds);
            await using (var sink = new NdjsonFileEnvelopeSink(file))
                engineNdjson.Add((await RunEngineAsync(feature, sink)).Elapsed.TotalMilliseconds);
            stepTimes.AddRange((await RunEngineAsync(feature, new InMemoryEnvelopeSink())).StepMicroseconds);
            direct.Add(RunDirect().TotalMilliseconds);
        }

        var n = CultureInfo.InvariantCulture;
        Console.WriteLine($"Overhead: {Scenarios} scenarios x 5 steps, median of 5 rounds");
        Console.WriteLine(string.Format(n, "  engine, first run (cold) : {0,9:F1} ms (NDJSON file; includes JIT)", cold.TotalMilliseconds));
        Console.WriteLine(string.Format(n, "  engine, no messages      : {0,9:F1} ms", Median(engineNoSink)));
        Console.WriteLine(string.Format(n, "  engine, NDJSON file      : {0,9:F1} ms ({1:N0} bytes)", Median(engineNdjson), new FileInfo(file).Length));
        Console.WriteLine(string.Format(n, "  direct method calls      : {0,9:F3} ms", Median(direct)));
        Console.WriteLine(string.Format(n, "  per scenario (NDJSON)    : {0,9:F1} us engine vs {1:F3} us direct", Median(engineNdjson) * 1000 / Scenarios, Median(direct) * 1000 / Scenarios));
        Console.WriteLine(string.Format(n, "  step dispatch median     : {0,9:F2} us (p90 {1:F2} us, n={2})", Median(stepTimes), Percentile(stepTimes, 0.9), stepTimes.Count));
        Console.WriteLine(string.Format(n, "  ratio engine/direct      : {0,9:F0}x (trivial step bodies: pure framework cost)", Median(engineNdjson) / Median(direct)));
        File.Delete(file);
    }

    internal static double Median(List<double> values) => Percentile(values, 0.5);

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
