namespace Kaizen.Bdd.Tests.Cck;

/// <summary>A compatibility-kit sample: its folder name and the C# port of its step definitions.</summary>
/// <param name="Name">The kit's folder name, e.g. <c>minimal</c>.</param>
/// <param name="BindingTypes">Our <c>[Binding]</c> classes for the sample (none for <c>empty</c>).</param>
internal sealed record CckSample(string Name, IReadOnlyList<Type> BindingTypes)
{
    public string Folder => Path.Combine(RepositoryPaths.CckFeatures, Name);

    public string ExpectedMessagesPath => Path.Combine(Folder, Name + ".ndjson");

    /// <summary>The sample's feature files (<c>.feature</c> and Markdown <c>.feature.md</c>) in ordinal order, as the kit runs them.</summary>
    public IReadOnlyList<string> FeatureFiles =>
        Directory.GetFiles(Folder)
            .Where(f => f.EndsWith(".feature", StringComparison.Ordinal) || f.EndsWith(".feature.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The uri the kit reports for a feature file: <c>samples/&lt;name&gt;/&lt;file&gt;</c>.</summary>
    public static string KitUri(string sampleName, string file) => $"samples/{sampleName}/{Path.GetFileName(file)}";
}
