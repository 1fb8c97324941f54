using Kaizen.Build;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>The repository root and the Cucumber Compatibility Kit installed under it.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>The compatibility kit's <c>features</c> folder; fails with the install command when missing.</summary>
    public static string CckFeatures => CckFeaturesIn(Root);

    internal static string CckFeaturesIn(string root)
    {
        var path = Path.Combine(root, "tools", "node", "node_modules", "@cucumber", "compatibility-kit", "features");
        if (!Directory.Exists(path))
            throw new InvalidOperationException(
                $"The Cucumber Compatibility Kit is not installed (looked for {path}). Run from the repository root: {RepositoryRoot.NodeInstallCommand}");
        return path;
    }
}
