using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Mcp;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools.Mcp;

[Trait("Category", "mcp-lib")]
public sealed class McpConfigFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string json)
    {
        var path = _folder.Combine("mcp.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reads_servers_with_levels_prefix_env_and_paths_relative_to_the_file()
    {
        var path = Write("""
            {
              // comments and trailing commas are fine
              "mcpServers": {
                "fs": {
                  "command": "./bin/server", "args": ["--root", "/data"], "cwd": "work",
                  "env": { "LOG": "debug" }, "toolNamePrefix": "fs_",
                  "dangerLevels": { "read_file": "safe", "write_file": "Medium" },
                  "defaultDangerLevel": "High", "startupTimeoutSeconds": 5,
                },
                "web": { "command": "mcp-web" }
              }
            }
            """);

        var servers = McpConfigFile.Load(path);

        servers.Should().HaveCount(2);
        var fs = servers[0];
        fs.Name.Should().Be("fs");
        fs.Command.Should().Be(_folder.Combine("bin", "server"));
        fs.Arguments.Should().Equal("--root", "/data");
        fs.WorkingDirectory.Should().Be(_folder.Combine("work"));
        fs.EnvironmentVariables.Should().ContainKey("LOG").WhoseValue.Should().Be("debug");
        fs.ToolNamePrefix.Should().Be("fs_");
        fs.LevelOf("read_file").Should().Be(DangerLevel.Safe);
        fs.LevelOf("anything_else").Should().Be(DangerLevel.High);
        fs.StartupTimeout.Should().Be(TimeSpan.FromSeconds(5));
        servers[1].Command.Should().Be("mcp-web");
        servers[1].LevelOf("x").Should().Be(DangerLevel.Medium, "unknown tools default to Medium");
    }

    [Fact]
    public void Syntax_error_names_the_file_and_line()
    {
        var path = Write("{\n  \"mcpServers\": {\n    \"fs\": { \"command\": }\n  }\n}");
        var act = () => McpConfigFile.Load(path);
        act.Should().Throw<FormatException>().WithMessage($"{path}: line 3, position *: invalid JSON*");
    }

    [Theory]
    [InlineData("""{"servers":{}}""", "mcpServers is missing; the file needs an object { \"mcpServers\": { \"name\": { \"command\": … } } }")]
    [InlineData("""{"mcpServers":{"fs":{"args":[]}}}""", "mcpServers.fs.command is missing; give the program that starts the server")]
    [InlineData("""{"mcpServers":{"fs":{"command":"x","dangerLevels":{"rm":"Unsafe"}}}}""", "mcpServers.fs.dangerLevels.rm is 'Unsafe'; use one of Safe, Low, Medium, High, Critical")]
    [InlineData("""{"mcpServers":{"fs":{"command":"x","args":"--root"}}}""", "mcpServers.fs.args must be an array of strings")]
    [InlineData("""{"mcpServers":{"fs":{"command":"x","startupTimeoutSeconds":0}}}""", "mcpServers.fs.startupTimeoutSeconds must be a positive number")]
    public void Content_errors_name_the_json_path_and_the_fix(string json, string message)
    {
        var path = Write(json);
        var act = () => McpConfigFile.Load(path);
        act.Should().Throw<FormatException>().Which.Message.Should().Be($"{path}: {message}.");
    }

    [Fact]
    public async Task Servers_from_the_file_connect_to_the_real_npm_server()
    {
        var path = Write($$$"""{"mcpServers":{"everything":{"command":"{{{NodeMcpServers.Everything}}}","dangerLevels":{"echo":"Safe"} } } }""");
        var registry = new ToolRegistry();

        await using var server = await McpToolSource.ConnectAsync(McpConfigFile.Load(path).Single(), cancellationToken: Ct);
        await server.RegisterToolsAsync(registry, Ct);

        registry.TryGet("echo", out var echo).Should().BeTrue();
        echo.Level.Should().Be(DangerLevel.Safe);
        echo.Source.Should().Be("mcp:everything");
    }
}
