using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>
/// The guide's four tool-calling scenarios through the real agent loop: safe tools run, moderate tools ask,
/// dangerous tools are rejected, and tool chains run within the turn budget. Only the model is scripted.
/// </summary>
[Trait("Category", "tools-lib")]
public sealed class AgentToolCallingTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly AgentFixture _fixture = new();
    private readonly InMemoryToolAuditLog _audit = new();
    private readonly string _workspace;

    public AgentToolCallingTests()
    {
        _workspace = Path.Combine(_fixture.DataFolder, "ws");
        Directory.CreateDirectory(_workspace);
        File.WriteAllText(Path.Combine(_workspace, "input.txt"), "42 apples");
    }

    public void Dispose() => _fixture.Dispose();

    private AutonomousAgent Agent(ChatScript script, IApprovalHandler? approvals, ApprovalPolicy? policy, out ScriptedChatClient model)
    {
        var workspace = new Workspace(_workspace);
        var tools = new ToolExecutor(new ToolRegistry().AddFileTools(workspace).AddCommandTool(workspace), policy, approvals, _audit);
        model = new ScriptedChatClient(script);
        return _fixture.Agent(model, services: new AgentServices { Tools = tools });
    }

    [Fact]
    public async Task Safe_tool_runs_without_approval_and_its_result_reaches_the_model()
    {
        var agent = Agent(new ChatScript()
            .CallTool("read_file", new { path = "input.txt" })
            .Reply(r => ScriptedReply.Complete(new { result = $"file says {r.PendingToolResults.Single().Result}" })), null, null, out _);

        var run = await agent.RunAutonomousAsync("What does input.txt say?", 5, Ct);

        run.GetOutput<string>("result").Should().Be("file says 42 apples");
        _audit.Entries.Select(e => e.Decision).Should().Equal(ToolAuditDecision.AllowedByPolicy, ToolAuditDecision.Succeeded);
    }

    [Theory]
    [InlineData("y", true)]
    [InlineData("n", false)]
    public async Task Moderate_tool_asks_a_person_first(string answer, bool written)
    {
        var prompt = new StringWriter();
        var agent = Agent(new ChatScript()
                .CallTool("write_file", new { path = "out.txt", content = "report" })
                .Reply(r => ScriptedReply.Complete(new { result = r.PendingToolResults.Single().Result!.ToString() })),
            new ConsoleApprovalHandler(new StringReader(answer + "\n"), prompt), null, out _);

        var run = await agent.RunAutonomousAsync("Write the report", 5, Ct);

        prompt.ToString().Should().Contain("write_file (Medium)");
        File.Exists(Path.Combine(_workspace, "out.txt")).Should().Be(written);
        run.GetOutput<string>("result").Should().Be(written ? "wrote 6 bytes to out.txt" : "Call to 'write_file' was denied by console: denied at the console.");
    }

    [Fact]
    public async Task Dangerous_tools_are_rejected_by_default_and_nothing_runs()
    {
        var agent = Agent(new ChatScript()
                .CallTool("run_command", new { command = "touch", arguments = new[] { "pwned.txt" } })
                .CallTool("delete_file", new { path = "input.txt" })
                .Reply(r => ScriptedReply.Complete(new { result = "gave up" })),
            approvals: null, policy: null, out var model);

        var run = await agent.RunAutonomousAsync("Make room", 5, Ct);

        run.GetOutput<string>("result").Should().Be("gave up");
        File.Exists(Path.Combine(_workspace, "pwned.txt")).Should().BeFalse();
        File.Exists(Path.Combine(_workspace, "input.txt")).Should().BeTrue();
        model.Requests[1].PendingToolResults.Single().Result!.ToString().Should().Contain("rejected").And.Contain("Critical");
        model.Requests[2].PendingToolResults.Single().Result!.ToString().Should().Contain("rejected").And.Contain("no approval handler");
        _audit.Entries.Should().NotContain(e => e.Decision == ToolAuditDecision.Succeeded);
    }

    [Fact]
    public async Task Tool_chain_lists_reads_and_writes_within_the_turn_budget()
    {
        var agent = Agent(new ChatScript()
                .CallTool("list_directory", new { path = "." })
                .CallTool("read_file", new { path = "input.txt" })
                .Reply(r => ScriptedReply.CallTool("write_file", new { path = "summary.txt", content = $"summary: {r.PendingToolResults.Single().Result}" }))
                .Complete(new { result = "summary.txt written" }),
            new CallbackApprovalHandler(_ => true), null, out var model);

        var run = await agent.RunAutonomousAsync("Summarise every file", 5, Ct);

        run.StopReason.Should().Be(AgentStopReason.Completed);
        File.ReadAllText(Path.Combine(_workspace, "summary.txt")).Should().Be("summary: 42 apples");
        model.Requests[1].PendingToolResults.Single().Result!.ToString().Should().Be("input.txt");
        _audit.Entries.Where(e => e.Decision == ToolAuditDecision.Succeeded).Select(e => e.ToolName)
            .Should().Equal("list_directory", "read_file", "write_file");
    }

    [Fact]
    public async Task Turn_budget_cuts_a_tool_chain_before_later_calls_run()
    {
        var agent = Agent(new ChatScript()
                .CallTool("list_directory", new { path = "." })
                .CallTool("read_file", new { path = "input.txt" })
                .CallTool("write_file", new { path = "summary.txt", content = "late" })
                .Complete(new { result = "done" }),
            new CallbackApprovalHandler(_ => true), null, out _);

        var run = await agent.RunAutonomousAsync("Summarise every file", 2, Ct);

        run.StopReason.Should().Be(AgentStopReason.MaxTurns);
        File.Exists(Path.Combine(_workspace, "summary.txt")).Should().BeFalse();
    }
}
