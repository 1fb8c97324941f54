using System.Runtime.CompilerServices;

namespace Kaizen.Agents.Tests.Tools.Mcp;

/// <summary>
/// Finds the real npm MCP servers installed under <c>tools/node/node_modules/.bin</c> of the repository, walking up
/// from this source file's folder and from the test output folder (builds may live outside the tree).
/// </summary>
internal static class NodeMcpServers
{
    public const string InstallCommand = "npm ci --prefix tools/node --no-audit --no-fund";

    public static string Filesystem => Find("mcp-server-filesystem");

    public static string Everything => Find("mcp-server-everything");

    public static string Find(string binary, [CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { Environment.GetEnvironmentVariable("KAIZEN_REPO_ROOT"), Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory };
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Kaizen.sln"))) continue;
                var path = Path.Combine(dir.FullName, "tools", "node", "node_modules", ".bin", binary);
                if (File.Exists(path)) return path;
                throw new InvalidOperationException(
                    $"The MCP server '{binary}' is not installed (looked for {path}). Run `{InstallCommand}` in {dir.FullName}.");
            }
        }
        throw new InvalidOperationException(
            $"Could not find the repository root (Kaizen.sln) above {string.Join(", ", starts.Where(s => s is not null))}; " +
            $"set KAIZEN_REPO_ROOT and run `{InstallCommand}` there.");
    }
}
