using Kaizen.LivingDoc.Config;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Rendering;
using Kaizen.LivingDoc.Review;

namespace Kaizen.LivingDoc.Cli;

/// <summary>The rendering path shared by the CLI, the tests and the bench: read inputs, build the model, write the page.</summary>
internal sealed class LivingDocGenerator(TimeProvider time)
{
    public async Task<DocModel> BuildAsync(RenderRequest request, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        foreach (var file in request.MessageFiles.Where(f => !File.Exists(f)))
            throw new LivingDocInputException(Directory.Exists(file)
                ? $"{Path.GetFullPath(file)} is a folder, not a messages file: pass its NDJSON files (--messages {Path.Combine(file, "*.ndjson")})"
                : $"messages file not found: {Path.GetFullPath(file)}");
        // Runs are read in parallel, each into its own diagnostics, and the feature folder is parsed meanwhile;
        // problems are reported in the order given: runs first, then features.
        var featureDiagnostics = new DiagnosticBag();
        var parsing = request.FeaturesFolder is { } folder
            ? Task.Run(() => FeatureFolderLoader.LoadAsync(folder, featureDiagnostics, cancellationToken), cancellationToken)
            : null;
        var perRun = request.MessageFiles.Select(_ => new DiagnosticBag()).ToList();
        var runs = await Task.WhenAll(request.MessageFiles.Select((file, i) => Task.Run(() => NdjsonRunReader.ReadAsync(file, perRun[i], cancellationToken), cancellationToken)));
        foreach (var bag in perRun) diagnostics.AddRange(bag);
        RefuseUnusable(runs, perRun);
        IReadOnlyList<LoadedFeature> features;
        if (parsing is not null)
        {
            features = await parsing;
            diagnostics.AddRange(featureDiagnostics);
        }
        else features = FeaturesFromMessages.Load(runs, diagnostics);
        var tagLinks = await TagLinkConfig.LoadAsync(request.ConfigFile, diagnostics, cancellationToken);
        var reviews = request.ReviewsFile is { } reviewsFile ? await LoadReviewsAsync(reviewsFile, diagnostics, cancellationToken) : null;
        var source = request.FeaturesFolder is { } f ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))) + "/" : "the runs' sources";
        var model = DocModelBuilder.Build(new DocInputs(request.Title, features, runs, tagLinks, source), diagnostics, time);
        return reviews is null ? model : ReviewOverlay.Apply(model, ReviewComparison.Of(ReviewUnits.Of(features), reviews), Path.GetFileName(request.ReviewsFile!));
    }

    private static async Task<IReadOnlyList<ReviewEntry>> LoadReviewsAsync(string file, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var bag = new DiagnosticBag();
        var entries = await ReviewsFile.LoadAsync(file, bag, cancellationToken);
        diagnostics.AddRange(bag);
        if (bag.HasErrors)
            throw new LivingDocInputException($"{Path.GetFullPath(file)} is damaged (see above); the page was not written: " +
                                              "fix the lines named or restore the file from version control");
        return entries;
    }

    // A damaged or empty run would publish a page that misstates the results: nothing is written instead.
    private static void RefuseUnusable(IReadOnlyList<RunLog> runs, IReadOnlyList<DiagnosticBag> perRun)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            var file = Path.GetFullPath(runs[i].FilePath);
            var errors = perRun[i].Items.Count(d => d.Severity == Severity.Error);
            if (errors > 0)
                throw new LivingDocInputException($"{file} is damaged ({errors} line{(errors == 1 ? "" : "s")} above); the page was not written: " +
                                                  "repair or delete those lines, or leave the file out of --messages");
            if (runs[i].UsableEnvelopes == 0)
                throw new LivingDocInputException($"nothing to render in {file}: it holds no Cucumber Messages envelope " +
                                                  "(pass the NDJSON a message formatter wrote, e.g. Reqnroll's formatters.message.outputFilePath)");
        }
    }

    public async Task<DocModel> RenderAsync(RenderRequest request, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var model = await BuildAsync(request, diagnostics, cancellationToken);
        await HtmlRenderer.WriteAsync(model, request.OutputFile, cancellationToken);
        return model;
    }

    /// <summary>One line for the console, e.g. "12 scenarios: 11 passed, 1 failed, 2 skipped".</summary>
    public static string SummaryLine(DocModel model)
    {
        var counts = Statuses.All.ToDictionary(s => s, s => model.Cases.Count(c => c.Status == s));
        var parts = new List<string> { $"{counts[Statuses.Passed]} passed", $"{counts[Statuses.Failed]} failed" };
        parts.AddRange(Statuses.All.Skip(2).Where(s => counts[s] > 0).Select(s => $"{counts[s]} {(s == Statuses.NotRun ? "not run" : s)}"));
        return $"{model.Cases.Count} scenario{(model.Cases.Count == 1 ? "" : "s")}: {string.Join(", ", parts)}";
    }

    /// <summary>True when some scenario of the latest run did not pass (failed, ambiguous, undefined, pending).</summary>
    public static bool HasFailures(DocModel model) => model.Cases.Any(c => Statuses.IsFailing(c.Status));
}
