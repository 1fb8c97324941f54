using System.Text.Json.Nodes;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Mcp;
using Reqnroll;
using Kaizen.Build;
using Kaizen.Specs.Support;

namespace Kaizen.Specs.Tools;

/// <summary>
/// Steps that start a real MCP server (the npm reference servers) over stdio and offer its tools to the agent, either
/// configured in code or read from an mcp.json file by the library's <see cref="McpConfigFile"/>.
/// </summary>
[Binding]
public sealed class McpSteps(ToolWorld tools, ScenarioWorkspace workspace)
{
    private const string ServerName = "fs";
    private readonly JsonObject _server = new();
    private string _configFile = "";
    private Exception? _loadError;

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

    [Given("an mcp.json that starts the MCP filesystem server on that workspace as \"fs\" with:")]
    public void McpJson(string settings)
    {
        _server["command"] = RepositoryRoot.NodeBinary("mcp-server-filesystem");
        _server["args"] = new JsonArray(tools.Root);
        foreach (var (name, value) in JsonNode.Parse($"{{{settings}}}")!.AsObject().ToList())
            _server[name] = value?.DeepClone();
    }

    [Given(@"^the ""fs"" server in that mcp\.json sets ""([^""]+)"" to (.+)$")]
    public void McpJsonSetting(string name, string json) => _server[name] = JsonNode.Parse(json);

    [Given("the \"fs\" server's program is a link beside mcp.json, which names it {string}")]
    public void ProgramBesideConfigFile(string relativeCommand)
    {
        var link = Path.GetFullPath(relativeCommand, workspace.DataFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, RepositoryRoot.NodeBinary("mcp-server-filesystem"));
        _server["command"] = relativeCommand;
    }

    [When("the agent's tools are loaded from that mcp.json")]
    [Given("the agent's tools are loaded from that mcp.json")]
    public async Task LoadFromMcpJson()
    {
        _configFile = Path.Combine(workspace.DataFolder, "mcp.json");
        File.WriteAllText(_configFile, new JsonObject { ["mcpServers"] = new JsonObject { [ServerName] = _server.DeepClone() } }.ToJsonString());
        try
        {
            foreach (var config in McpConfigFile.Load(_configFile))
            {
                var source = await McpToolSource.ConnectAsync(config);
                workspace.Track(source);
                await source.RegisterToolsAsync(tools.Registry);
            }
            tools.Equip();
        }
        catch (FormatException ex)
        {
            _loadError = ex;
        }
    }

    [Then("loading fails with an error naming the file, {string} and {string}")]
    public void LoadingFails(string setting, string fix)
    {
        _loadError.Should().NotBeNull("mcp.json has a mistake: {0}", File.ReadAllText(_configFile));
        _loadError!.Message.Should().StartWith(_configFile).And.Contain(setting).And.Contain(fix);
    }

    [Then("no tool was registered")]
    public void NoToolRegistered() => tools.Registry.Names.Should().BeEmpty("nothing is started from a file with a mistake");

    [Then("the MCP tools carry the prefix and the danger levels of mcp.json")]
    public void PrefixAndLevels()
    {
        _loadError.Should().BeNull();
        tools.Registry.Names.Should().NotBeEmpty().And.OnlyContain(n => n.StartsWith("fs_", StringComparison.Ordinal));
        var levels = (_server["dangerLevels"]?.AsObject() ?? []).ToDictionary(p => "fs_" + p.Key, p => Enum.Parse<DangerLevel>(p.Value!.GetValue<string>()));
        var fallback = Enum.Parse<DangerLevel>(_server["defaultDangerLevel"]!.GetValue<string>());
        foreach (var name in tools.Registry.Names)
        {
            tools.Registry.TryGet(name, out var tool).Should().BeTrue();
            tool!.Level.Should().Be(levels.GetValueOrDefault(name, fallback), "the level of {0} comes from mcp.json", name);
        }
    }
}
