using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Mcp;
using Reqnroll;
using Kaizen.Build;
using Kaizen.Specs.Support;

namespace Kaizen.Specs.Tools;

/// <summary>Steps that start a real MCP server (the npm reference servers) over stdio and offer its tools to the agent.</summary>
[Binding]
public sealed class McpSteps(ToolWorld tools, ScenarioWorkspace workspace)
{
    [Given("the MCP filesystem server is connected on that workspace")]
    public async Task ConnectFilesystemServer()
    {
        var source = await McpToolSource.ConnectAsync(new McpServerConfig
        {
            Name = "filesystem",
            Command = RepositoryRoot.NodeBinary("mcp-server-filesystem"),
            Arguments = [tools.Root],
            ToolDangerLevels = { ["read_text_file"] = DangerLevel.Safe, ["list_directory"] = DangerLevel.Safe },
        });
        workspace.Track(source);
        await source.RegisterToolsAsync(tools.Registry);
        tools.Equip();
    }
}
