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
        var watch = Stopwatch.StartNew();
        var logs = new List<RunLog>();
        foreach (var run in runs) logs.Add(await NdjsonRunReader.ReadAsync(run, diagnostics, CancellationToken.None));
        var read = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var loaded = await FeatureFolderLoader.LoadAsync(features, diagnostics, CancellationToken.None);
        var parse = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var model = DocModelBuilder.Build(new DocInputs("Bench", loaded, logs, [], "features/"), diagnostics, TimeProvider.System);
        var build = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var html = HtmlRenderer.Render(model);
        var render = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"phases: read NDJSON {read:F0} ms, parse features {parse:F0} ms, build model {build:F0} ms, write HTML {render:F0} ms ({html.Length / 1024} KB)");
    }
}
