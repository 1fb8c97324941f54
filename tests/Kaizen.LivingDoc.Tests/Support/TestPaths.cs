using Kaizen.Build;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>Where fixtures, the repository and scratch folders are.</summary>
internal static class TestPaths
{
    public static string FixtureFeatures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "features");

    public static string RepoRoot => RepositoryRoot.Path;

    public static string CckFeatures => RepositoryRoot.NodeModules("@cucumber", "compatibility-kit", "features");

    /// <summary>Test artifacts (screenshots, generated pages): $KAIZEN_TEST_RESULTS or TestResults next to the binaries.</summary>
    public static string Artifacts(string name)
    {
        var root = Environment.GetEnvironmentVariable("KAIZEN_TEST_RESULTS") is { Length: > 0 } r ? r : Path.Combine(AppContext.BaseDirectory, "TestResults");
        var folder = Path.Combine(root, "living-doc");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static string NewScratchFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kaizen-livingdoc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
