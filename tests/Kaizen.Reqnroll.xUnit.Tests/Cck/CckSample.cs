namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>A compatibility-kit sample: its folder name; its bindings are the C# port in <c>Cck/Samples/&lt;PascalName&gt;</c>.</summary>
/// <param name="Name">The kit's folder name, e.g. <c>minimal</c>.</param>
internal sealed record CckSample(string Name)
{
    public string Folder => Path.Combine(RepositoryPaths.CckFeatures, Name);

    public string ExpectedMessagesPath => Path.Combine(Folder, Name + ".ndjson");

    /// <summary>The sample's Gherkin files in ordinal order, as the kit runs them (Markdown <c>.feature.md</c> included: Reqnroll cannot run those).</summary>
    public IReadOnlyList<string> FeatureFiles =>
        Directory.GetFiles(Folder)
            .Where(f => f.EndsWith(".feature", StringComparison.Ordinal) || f.EndsWith(".feature.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The C# sources of the sample's bindings, copied beside the test assembly (none for <c>empty</c>).</summary>
    public IReadOnlyList<string> BindingSources
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Cck", "Samples", PascalName);
            return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).ToList() : [];
        }
    }

    /// <summary><c>examples-tables</c> → <c>ExamplesTables</c>.</summary>
    public string PascalName => string.Concat(Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
