using System.Diagnostics;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Rendering;

namespace Kaizen.LivingDoc.Bench;

/// <summary>Times each phase of one rendering, to see where the time goes.</summary>
internal static class Phases
{
    public static async Task PrintAsync(string features, IReadOnlyList<string> runs)
    {
        var diagnostics = new DiagnosticBag();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        double CpuLap() { process.Refresh(); var now = process.TotalProcessorTime; var lap = (now - cpu).TotalMilliseconds; cpu = now; return lap; }
        var watch = Stopwatch.StartNew();
        var logs = new List<RunLog>();
        foreach (var run in runs) logs.Add(await NdjsonRunReader.ReadAsync(run, diagnostics, CancellationToken.None));
        var read = watch.Elapsed.TotalMilliseconds;
        var readCpu = CpuLap();
        watch.Restart();
        var loaded = await FeatureFolderLoader.LoadAsync(features, diagnostics, CancellationToken.None);
        var parse = watch.Elapsed.TotalMilliseconds;
        var parseCpu = CpuLap();
        watch.Restart();
        var model = DocModelBuilder.Build(new DocInputs("Bench", loaded, logs, [], "features/"), diagnostics, TimeProvider.System);
        var build = watch.Elapsed.TotalMilliseconds;
        var buildCpu = CpuLap();
        watch.Restart();
        var html = HtmlRenderer.Render(model);
        var render = watch.Elapsed.TotalMilliseconds;
        var renderCpu = CpuLap();
        Console.WriteLine($"phases (wall/CPU ms, sequential reading): read NDJSON {read:F0}/{readCpu:F0}, parse features {parse:F0}/{parseCpu:F0}, " +
                          $"build model {build:F0}/{buildCpu:F0}, write HTML {render:F0}/{renderCpu:F0} ({html.Length / 1024} KB)");
    }
}
