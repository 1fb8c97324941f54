using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Features;

/// <summary>Loads every <c>*.feature</c> file below a folder, keeping the folder structure in the relative paths.</summary>
internal static class FeatureFolderLoader
{
    public static async Task<IReadOnlyList<LoadedFeature>> LoadAsync(string folder, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new LivingDocInputException($"feature folder not found: {Path.GetFullPath(folder)} (pass --features DIR)");
        var features = new List<LoadedFeature>();
        var files = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) diagnostics.Warn(folder, null, "no .feature files in this folder");
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            if (FeatureParser.Parse(relative, text, file, diagnostics) is { } feature) features.Add(feature);
        }
        return features;
    }
}
