using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Features;

/// <summary>
/// Without a feature folder, the runs' own <c>source</c> envelopes are the specification (the newest text of each URI
/// wins). Markdown Gherkin, which the .NET parser does not read, is taken from the run's gherkinDocument and pickles.
/// </summary>
internal static class FeaturesFromMessages
{
    public static IReadOnlyList<LoadedFeature> Load(IReadOnlyList<RunLog> runs, DiagnosticBag diagnostics)
    {
        var latest = new Dictionary<string, (SourceMessage Source, string File)>(StringComparer.Ordinal);
        foreach (var run in runs)
            foreach (var source in run.Sources.Where(s => !string.IsNullOrEmpty(s.Uri) && s.Data is not null))
                latest[source.Uri!] = (source, run.FilePath);
        var features = new List<LoadedFeature>();
        foreach (var (uri, (source, file)) in latest.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (source.MediaType?.Contains("markdown", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The Gherkin .NET parser does not read Markdown Gherkin: use the AST the runner itself produced.
                if (DocumentFromMessages.Read(file, uri, diagnostics) is { } fromRun) features.Add(fromRun);
                continue;
            }
            if (FeatureParser.Parse(uri.Replace('\\', '/'), source.Data!, $"{file} (source {uri})", diagnostics) is { } feature)
                features.Add(feature);
        }
        return features;
    }
}
