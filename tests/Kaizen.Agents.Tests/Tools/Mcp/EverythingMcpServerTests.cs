using System.Diagnostics;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Mcp;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools.Mcp;

/// <summary>The real <c>@modelcontextprotocol/server-everything</c> over stdio, and servers that fail.</summary>
[Trait("Category", "mcp-lib")]
[Trait("Category", "tools-lib")]
public sealed class EverythingMcpServerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static McpServerConfig Everything(Action<Dictionary<string, DangerLevel>>? levels = null)
    {
        var map = new Dictionary<string, DangerLevel> { ["echo"] = DangerLevel.Safe, ["get-sum"] = DangerLevel.Safe };
        levels?.Invoke(map);
        return new McpServerConfig { Name = "everything", Command = NodeMcpServers.Everything, ToolDangerLevels = map };
    }

    [Fact]
    public async Task Safe_tools_run_without_approval_and_return_the_server_text()
    {
        await using var server = await McpToolSource.ConnectAsync(Everything(), cancellationToken: Ct);
        var registry = new ToolRegistry();
        await server.RegisterToolsAsync(registry, Ct);
        var executor = new ToolExecutor(registry);

        var echo = await executor.ExecuteAsync(Call("echo", new { message = "hello mcp" }), Context, Ct);
        var sum = await executor.ExecuteAsync(Call("get-sum", new { a = 2, b = 3 }), Context, Ct);

        echo.Result.As<string>().Should().Contain("hello mcp");
        sum.Status.Should().Be(ToolExecutionStatus.Succeeded);
        sum.Result.As<string>().Should().Contain("5");
    }

    [Fact]
    public async Task Unconfigured_tool_defaults_to_Medium_and_is_not_run_without_an_approver()
    {
        await using var server = await McpToolSource.ConnectAsync(Everything(), cancellationToken: Ct);
        var registry = new ToolRegistry();
        var registered = await server.RegisterToolsAsync(registry, Ct);

        registered.Should().Contain(t => t.Name == "toggle-simulated-logging" && t.Level == DangerLevel.Medium);
        var result = await new ToolExecutor(registry).ExecuteAsync(Call("toggle-simulated-logging"), Context, Ct);
        result.Status.Should().Be(ToolExecutionStatus.Rejected);
    }

    [Fact]
    public async Task Missing_server_command_is_a_clear_error()
    {
        var act = () => McpToolSource.ConnectAsync(new McpServerConfig { Name = "ghost", Command = "kz-no-such-mcp-server" }, cancellationToken: Ct);
        await act.Should().ThrowAsync<McpServerException>().WithMessage("MCP server 'ghost': the command 'kz-no-such-mcp-server' was not found on PATH*");
    }

    [Fact]
    public async Task Server_that_exits_during_the_handshake_reports_its_stderr()
    {
        var config = new McpServerConfig
        {
            Name = "crasher", Command = "sh", Arguments = ["-c", "echo 'config file missing' >&2; exit 3"],
            StartupTimeout = TimeSpan.FromSeconds(20),
        };
        var act = () => McpToolSource.ConnectAsync(config, cancellationToken: Ct);
        var error = await act.Should().ThrowAsync<McpServerException>();
        error.Which.Message.Should().StartWith("MCP server 'crasher' (sh -c").And.Contain("config file missing");
    }

    [Fact]
    public async Task Server_that_dies_after_connecting_turns_calls_into_failures_for_the_model()
    {
        var pidFile = _temp.Combine("pid");
        var config = Everything() is var c
            ? new McpServerConfig
            {
                Name = "everything", Command = "sh", Arguments = ["-c", $"echo $$ > '{pidFile}'; exec '{NodeMcpServers.Everything}'"],
                ToolDangerLevels = c.ToolDangerLevels,
            }
            : null!;
        await using var server = await McpToolSource.ConnectAsync(config, cancellationToken: Ct);
        var registry = new ToolRegistry();
        await server.RegisterToolsAsync(registry, Ct);
        var executor = new ToolExecutor(registry, options: new ToolExecutorOptions { CallTimeout = TimeSpan.FromSeconds(10), RetryDelay = TimeSpan.Zero });
        (await executor.ExecuteAsync(Call("echo", new { message = "alive" }), Context, Ct)).Status.Should().Be(ToolExecutionStatus.Succeeded);

        using (var process = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim())))
        {
            process.Kill();
            await process.WaitForExitAsync(Ct);
        }
        var result = await executor.ExecuteAsync(Call("echo", new { message = "dead?" }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("MCP server 'everything'").And.Contain("did not answer the call to 'echo'").And.Contain("exited");
    }
}
