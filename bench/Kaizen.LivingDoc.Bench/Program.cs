using System.Diagnostics;
using Kaizen.LivingDoc.Bench;
using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Messages;

// Renders 1,000 scenarios with 10 runs of history and prints time and output size (targets: < 2 s, < 5 MB).
const int Scenarios = 1000, Runs = 10, Iterations = 5;
var root = Path.Combine(Path.GetTempPath(), "kaizen-livingdoc-bench");
if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
var features = Path.Combine(root, "features");
SyntheticSuite.WriteFeatures(features, Scenarios, scenariosPerFeature: 10);
var runs = Enumerable.Range(0, Runs).Select(i =>
{
    var path = Path.Combine(root, "runs", $"run-{i:D2}.ndjson");
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    SyntheticSuite.WriteRun(features, path, i, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddDays(i));
    return path;
}).ToList();
var input = runs.Sum(r => new FileInfo(r).Length);
Console.WriteLine($"input: {Scenarios} scenarios in {Directory.GetFiles(features, "*.feature", SearchOption.AllDirectories).Length} feature files, {Runs} runs, {input / 1024.0 / 1024.0:F1} MB of NDJSON");

// Fresh processes first, before this process has touched (and the OS has cached differently) anything else.
const int OneShots = 5;
var oneShots = Enumerable.Range(0, OneShots).Select(_ => OneShot.Run(features, runs, Path.Combine(root, "one-shot.html"))).ToList();
var oneShotWall = oneShots.Select(o => o.WallMs).Order().ToList();
var oneShotCpu = oneShots.Select(o => o.CpuMs).Order().ToList();
Console.WriteLine($"one-shot CLI process (dotnet Kaizen.LivingDoc.dll render, {OneShots} fresh processes): median {oneShotWall[OneShots / 2]:F0} ms, " +
                  $"min {oneShotWall[0]:F0} ms wall, median {oneShotCpu[OneShots / 2]:F0} ms CPU (target < 2000 ms)");

await Phases.PrintAsync(features, runs);
var output = Path.Combine(root, "index.html");
var request = new RenderRequest(features, runs, output, "Bench", null);
var generator = new LivingDocGenerator(TimeProvider.System);
var times = new List<double>();
var cpuTimes = new List<double>();
for (var i = 0; i <= Iterations; i++)
{
    var diagnostics = new DiagnosticBag();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var model = await generator.RenderAsync(request, diagnostics, CancellationToken.None);
    watch.Stop();
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    if (diagnostics.Items.Count > 0) throw new InvalidOperationException(string.Join("\n", diagnostics.Items));
    if (model.Cases.Count != Scenarios) throw new InvalidOperationException($"expected {Scenarios} cases, got {model.Cases.Count}");
    Console.WriteLine($"{(i == 0 ? "cold" : $"run {i}")}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, {cpuMs:F0} ms CPU ({LivingDocGenerator.SummaryLine(model)})");
    if (i > 0) { times.Add(watch.Elapsed.TotalMilliseconds); cpuTimes.Add(cpuMs); }
}
times.Sort();
cpuTimes.Sort();
var size = new FileInfo(output).Length;
Console.WriteLine($"render 1,000 scenarios x 10 runs: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms wall, median {cpuTimes[cpuTimes.Count / 2]:F0} ms CPU (all threads; target < 2000 ms); output {size / 1024.0 / 1024.0:F2} MB (target < 5 MB)");
Console.WriteLine($"page: {output}");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")} (other work on the machine inflates wall time)");
