using System.Text.Json.Nodes;
using Kaizen.Reqnroll.xUnit.Tests.Isolated;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Builds a kit sample (its feature files through our generator, its ported bindings) into its own assembly, runs it on
/// the Reqnroll runtime with the message formatter writing to a file of its own, and returns the messages.
/// </summary>
internal static class CckRunner
{
    public static async Task<List<JsonObject>> RunAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kaizen-cck", sample.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var messages = Path.Combine(folder, sample.Name + ".ndjson");
        var features = sample.FeatureFiles.Where(f => f.EndsWith(".feature", StringComparison.Ordinal)).ToList();
        var paths = $"namespace Kaizen.Reqnroll.xUnit.Tests.Cck {{ internal static class RepositoryPaths {{ public static string CckFeatures => {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(RepositoryPaths.CckFeatures, true)}; }} }}";
        var assembly = IsolatedProject.Build("Cck." + sample.PascalName, features, sample.BindingSources,
            Path.GetDirectoryName(RepositoryPaths.CckFeatures)! + "/", folder, paths);

        await IsolatedTestRun.RunAsync(assembly, features, new IsolatedContainerBuilder(messages));

        // No file: nothing ran (e.g. a sample of Markdown features only, which Reqnroll cannot run): no messages.
        if (!File.Exists(messages)) return [];
        var lines = await File.ReadAllLinesAsync(messages, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    public static async Task<List<JsonObject>> ReadExpectedAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(sample.ExpectedMessagesPath, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }
}
