using System.Runtime.CompilerServices;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>Where fixtures, the repository and scratch folders are.</summary>
internal static class TestPaths
{
    public static string FixtureFeatures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "features");

    /// <summary>The repository root, found from this source file's path (builds may put binaries outside the tree).</summary>
    public static string RepoRoot { get; } = FindRepo();

    public static string CckFeatures => Path.Combine(RepoRoot, "tools", "node", "node_modules", "@cucumber", "compatibility-kit", "features");

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

    private static string FindRepo([CallerFilePath] string thisFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(thisFile)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kaizen.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Kaizen.sln not found above {thisFile}");
    }
}
