using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Mcp;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools.Mcp;

/// <summary>The real <c>@modelcontextprotocol/server-filesystem</c> over stdio, confined to a temp folder.</summary>
[Trait("Category", "mcp-lib")]
[Trait("Category", "tools-lib")]
public sealed class FilesystemMcpServerTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly ToolRegistry _registry = new();
    private readonly List<ApprovalRequest> _asked = [];
    private McpToolSource _server = null!;
    private string _allowed = null!;

    public async ValueTask InitializeAsync()
    {
        _allowed = _temp.Combine("allowed");
        Directory.CreateDirectory(_allowed);
        _server = await McpToolSource.ConnectAsync(new McpServerConfig
        {
            Name = "filesystem",
            Command = NodeMcpServers.Filesystem,
            Arguments = [_allowed],
            ToolNamePrefix = "fs_",
            ToolDangerLevels = { ["read_text_file"] = DangerLevel.Safe, ["list_directory"] = DangerLevel.Safe, ["write_file"] = DangerLevel.Medium },
        }, cancellationToken: Ct);
        await _server.RegisterToolsAsync(_registry, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private ToolExecutor Executor(bool approve) =>
        new(_registry, approvals: new CallbackApprovalHandler(r => { _asked.Add(r); return approve; }));

    [Fact]
    public void Tools_are_listed_with_prefix_source_and_configured_or_default_levels()
    {
        _server.ServerInfo.Should().NotBeNullOrWhiteSpace();
        _registry.TryGet("fs_read_text_file", out var read).Should().BeTrue();
        read.Level.Should().Be(DangerLevel.Safe);
        read.Source.Should().Be("mcp:filesystem");
        read.Schema.GetProperty("properties").TryGetProperty("path", out _).Should().BeTrue();
        _registry.TryGet("fs_move_file", out var move).Should().BeTrue();
        move.Level.Should().Be(DangerLevel.Medium, "tools the config does not name default to Medium");
    }

    [Fact]
    public async Task Approved_write_then_safe_read_round_trips_through_the_real_server()
    {
        var executor = Executor(approve: true);
        var file = Path.Combine(_allowed, "note.txt");

        var write = await executor.ExecuteAsync(Call("fs_write_file", new { path = file, content = "from kaizen" }), Context, Ct);
        var read = await executor.ExecuteAsync(Call("fs_read_text_file", new { path = file }), Context, Ct);

        write.Status.Should().Be(ToolExecutionStatus.Succeeded);
        File.ReadAllText(file).Should().Be("from kaizen");
        read.Result.Should().Be("from kaizen");
        _asked.Select(a => a.ToolName).Should().Equal("fs_write_file");
    }

    [Fact]
    public async Task Denied_write_never_reaches_the_server()
    {
        var file = Path.Combine(_allowed, "denied.txt");
        var result = await Executor(approve: false).ExecuteAsync(Call("fs_write_file", new { path = file, content = "x" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        File.Exists(file).Should().BeFalse();
    }

    [Fact]
    public async Task Server_side_tool_error_is_surfaced_with_server_and_tool_names()
    {
        var outside = _temp.Combine("outside.txt");
        File.WriteAllText(outside, "secret");

        var result = await Executor(approve: true).ExecuteAsync(Call("fs_read_text_file", new { path = outside }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().StartWith("Tool 'fs_read_text_file' failed: MCP tool 'read_text_file' on server 'filesystem' reported an error:")
            .And.NotContain("secret");
    }

    [Fact]
    public async Task Arguments_are_validated_against_the_server_schema_before_the_call()
    {
        var result = await Executor(approve: true).ExecuteAsync(Call("fs_write_file", new { path = 7 }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("arguments.path must be 'string'").And.Contain("arguments.content is required");
        _asked.Should().BeEmpty();
    }
}
