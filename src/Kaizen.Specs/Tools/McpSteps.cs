using System.Runtime.CompilerServices;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Mcp;
using Kaizen.Bdd;
using Kaizen.Specs.Support;

namespace Kaizen.Specs.Tools;

/// <summary>Steps that start a real MCP server (the npm reference servers) over stdio and offer its tools to the agent.</summary>
[Binding]
public sealed class McpSteps(ToolWorld tools, ScenarioWorkspace workspace)
{
    private const string InstallCommand = "npm ci --prefix tools/node --no-audit --no-fund";

    [Given("the MCP filesystem server is connected on that workspace")]
    public async Task ConnectFilesystemServer()
    {
        var source = await McpToolSource.ConnectAsync(new McpServerConfig
        {
            Name = "filesystem",
            Command = FindServer("mcp-server-filesystem"),
            Arguments = [tools.Root],
            ToolDangerLevels = { ["read_text_file"] = DangerLevel.Safe, ["list_directory"] = DangerLevel.Safe },
        });
        workspace.Track(source);
        await source.RegisterToolsAsync(tools.Registry);
        tools.Equip();
    }

    private static string FindServer(string binary, [CallerFilePath] string sourceFile = "")
    {
        // Build outputs may live outside the repository (KAIZEN_ARTIFACTS), so the source location is tried too.
        string?[] starts = [Environment.GetEnvironmentVariable("KAIZEN_REPO_ROOT"), Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory];
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Kaizen.sln"))) continue;
                var path = Path.Combine(dir.FullName, "tools", "node", "node_modules", ".bin", binary);
                return File.Exists(path)
                    ? path
                    : throw new InvalidOperationException($"The MCP server '{binary}' is not installed (looked for {path}). Run `{InstallCommand}` in {dir.FullName}.");
            }
        }
        throw new InvalidOperationException($"Could not find the repository root (Kaizen.sln) above {string.Join(" or ", starts.Where(s => !string.IsNullOrEmpty(s)))}; set KAIZEN_REPO_ROOT and run `{InstallCommand}` there.");
    }
}
