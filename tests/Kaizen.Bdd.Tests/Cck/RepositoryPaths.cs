using System.Runtime.CompilerServices;

namespace Kaizen.Bdd.Tests.Cck;

/// <summary>
/// Finds the repository from this source file's location (test binaries may live elsewhere, e.g. under
/// KAIZEN_ARTIFACTS), falling back to the test output folder.
/// </summary>
internal static class RepositoryPaths
{
    public const string InstallCommand = "npm ci --prefix tools/node --no-audit --no-fund";

    public static string Root { get; } = FindRoot();

    /// <summary>The compatibility kit's <c>features</c> folder; fails with the install command when missing.</summary>
    public static string CckFeatures => CckFeaturesIn(Root);

    internal static string CckFeaturesIn(string root)
    {
        var path = Path.Combine(root, "tools", "node", "node_modules", "@cucumber", "compatibility-kit", "features");
        if (!Directory.Exists(path))
            throw new InvalidOperationException(
                $"The Cucumber Compatibility Kit is not installed (looked for {path}). Run from the repository root: {InstallCommand}");
        return path;
    }

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kaizen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Kaizen.sln not found above {sourceFile} or {AppContext.BaseDirectory}.");
    }
}
