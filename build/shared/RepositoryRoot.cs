using System.Runtime.CompilerServices;

namespace Kaizen.Build;

/// <summary>
/// The repository root (the folder holding Kaizen.sln) and the npm packages installed under <c>tools/node</c>, for the
/// test projects and the specs, which compile this file from <c>build/shared</c>. Build outputs may live outside the
/// tree (<c>KAIZEN_ARTIFACTS</c>), so the search tries <c>KAIZEN_REPO_ROOT</c>, this source file's folder, the output
/// folder and the current folder, in that order.
/// </summary>
internal static class RepositoryRoot
{
    public const string NodeInstallCommand = "npm ci --prefix tools/node --no-audit --no-fund";

    private static readonly Lazy<string> Found = new(() => Search());

    /// <summary>The repository root; throws with the places searched when there is none.</summary>
    public static string Path => Found.Value;

    /// <summary>A path under <c>tools/node/node_modules</c>, whether or not it exists.</summary>
    public static string NodeModules(params string[] parts) =>
        System.IO.Path.Combine([Path, "tools", "node", "node_modules", .. parts]);

    /// <summary>An installed npm command (<c>node_modules/.bin</c>); throws with the install command when missing.</summary>
    public static string NodeBinary(string binary)
    {
        var path = NodeModules(".bin", binary);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"'{binary}' is not installed (looked for {path}). Run `{NodeInstallCommand}` in {Path}.");
    }

    private static string Search([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [Environment.GetEnvironmentVariable("KAIZEN_REPO_ROOT"), System.IO.Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory];
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kaizen.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (Kaizen.sln) above {string.Join(", ", starts.Where(s => !string.IsNullOrEmpty(s)))}; set KAIZEN_REPO_ROOT.");
    }
}
