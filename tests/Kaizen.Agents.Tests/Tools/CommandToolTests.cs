using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;
using static Kaizen.Agents.Tests.Tools.ToolTestKit;

namespace Kaizen.Agents.Tests.Tools;

/// <summary><c>run_command</c> starts real processes (POSIX commands: the suite runs on Linux/macOS).</summary>
[Trait("Category", "tools-lib")]
public sealed class CommandToolTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    private ToolExecutor Executor(ApprovalPolicy policy, IApprovalHandler? approvals) =>
        new(new ToolRegistry().AddCommandTool(new Workspace(_root.Path)), policy, approvals);

    [Fact]
    public async Task Run_command_is_rejected_by_default_and_the_process_never_starts()
    {
        var result = await Executor(ApprovalPolicy.Default, new CallbackApprovalHandler(_ => true))
            .ExecuteAsync(Call("run_command", new { command = "touch", arguments = new[] { "created.txt" } }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Rejected);
        File.Exists(_root.Combine("created.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Allowed_and_approved_command_runs_in_the_workspace_and_reports_output()
    {
        var executor = Executor(ApprovalPolicy.Default.AllowCritical("run_command"), new CallbackApprovalHandler(_ => true));

        var touch = await executor.ExecuteAsync(Call("run_command", new { command = "touch", arguments = new[] { "created.txt" } }), Context, Ct);
        var list = await executor.ExecuteAsync(Call("run_command", new { command = "ls" }), Context, Ct);

        touch.Result.As<string>().Should().StartWith("exit code 0");
        File.Exists(_root.Combine("created.txt")).Should().BeTrue();
        list.Result.As<string>().Should().Contain("stdout:\ncreated.txt");
    }

    [Fact]
    public async Task Failing_command_reports_its_exit_code_and_stderr()
    {
        var executor = Executor(ApprovalPolicy.Default.AllowCritical("run_command").Set(DangerLevel.Critical, ApprovalAction.Run), null);
        var result = await executor.ExecuteAsync(Call("run_command", new { command = "ls", arguments = new[] { "no-such-file" } }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Succeeded);
        result.Result.As<string>().Should().NotStartWith("exit code 0").And.Contain("no-such-file");
    }

    [Fact]
    public async Task Command_running_past_its_timeout_is_killed_and_reported()
    {
        var executor = Executor(ApprovalPolicy.Default.AllowCritical("run_command").Set(DangerLevel.Critical, ApprovalAction.Run), null);
        var result = await executor.ExecuteAsync(
            Call("run_command", new { command = "sh", arguments = new[] { "-c", "sleep 30; touch late.txt" }, timeout_seconds = 1 }), Context, Ct);

        result.Status.Should().Be(ToolExecutionStatus.Failed);
        result.Result.As<string>().Should().Contain("ran longer than 1 s and was killed").And.Contain("1 attempt(s)");
        File.Exists(_root.Combine("late.txt")).Should().BeFalse();
    }

    [Fact]
    public async Task Unknown_program_is_reported()
    {
        var executor = Executor(ApprovalPolicy.Default.AllowCritical("run_command").Set(DangerLevel.Critical, ApprovalAction.Run), null);
        var result = await executor.ExecuteAsync(Call("run_command", new { command = "kz-no-such-program" }), Context, Ct);
        result.Result.As<string>().Should().Contain("could not start 'kz-no-such-program'");
    }
}
