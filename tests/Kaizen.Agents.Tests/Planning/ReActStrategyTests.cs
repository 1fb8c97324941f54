using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning.Strategies;
using Kaizen.Agents.Tests.Tools;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Planning;

/// <summary>ReAct with the scripted model calling real built-in tools through the executor.</summary>
[Trait("Category", "planning-lib")]
[Trait("Category", "tools-lib")]
public sealed class ReActStrategyTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _temp = new();
    private readonly string _root;
    private readonly InMemoryToolAuditLog _audit = new();
    private readonly CountingTool _counter = new();

    public ReActStrategyTests()
    {
        _root = _temp.Combine("ws");
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => _temp.Dispose();

    private ToolExecutor Tools(IApprovalHandler? approvals = null)
    {
        var workspace = new Workspace(_root);
        var registry = new ToolRegistry().AddFileTools(workspace).AddCommandTool(workspace);
        registry.Register(_counter.Function(), DangerLevel.Safe, "test");
        return new ToolExecutor(registry, approvals: approvals, audit: _audit);
    }

    [Fact]
    public async Task Tool_chain_writes_then_reads_then_answers_with_each_result_fed_back()
    {
        var model = new ScriptedChatClient(new ChatScript()
            .CallTool("write_file", new { path = "plan.md", content = "1. test" })
            .CallTool("read_file", new { path = "plan.md" })
            .Complete(new { answer = "plan.md says: 1. test" }));
        var strategy = new ReActStrategy(model, Tools(new CallbackApprovalHandler(_ => true)));

        var result = await strategy.SolveAsync("Write a plan file and report its content", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Succeeded);
        result.Answer.Should().Be("plan.md says: 1. test");
        File.ReadAllText(Path.Combine(_root, "plan.md")).Should().Be("1. test");
        model.Requests.Should().HaveCount(3);
        model.Requests[0].OfferedTools.Should().Contain(["read_file", "write_file", "run_command"]);
        model.Requests[1].PendingToolResults.Single().Result.Should().Be("wrote 7 bytes to plan.md");
        model.Requests[2].PendingToolResults.Single().Result.Should().Be("1. test");
        result.Trace.Should().ContainInOrder("Action: write_file", "Action: read_file", "Answer: plan.md says: 1. test");
    }

    [Fact]
    public async Task Adversarial_calls_from_the_model_never_execute_and_each_refusal_reaches_it()
    {
        var outside = _temp.Combine("precious.txt");
        File.WriteAllText(outside, "keep me");
        var model = new ScriptedChatClient(new ChatScript()
            .CallTool("delete_file", new { path = "../precious.txt" })
            .CallTool("run_command", new { command = "rm", arguments = new[] { "-rf", _temp.Path } })
            .CallTool("count", new { text = 42, times = "lots" })
            .Reply(new ScriptedReply { ToolCalls = [new ScriptedToolCall("count", new Dictionary<string, object?> { ["text"] = "x", ["shell"] = "rm -rf /" })] })
            .CallTool("format_disk", new { drive = "/" })
            .Complete(new { answer = "gave up" }));
        var strategy = new ReActStrategy(model, Tools(new CallbackApprovalHandler(_ => true)));

        var result = await strategy.SolveAsync("Clean up", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Succeeded);
        File.ReadAllText(outside).Should().Be("keep me");
        Directory.Exists(_temp.Path).Should().BeTrue();
        _counter.Runs.Should().Be(0);
        var seen = model.Requests.Skip(1).Select(r => r.PendingToolResults.Single().Result!.ToString()).ToList();
        seen[0].Should().Contain("refused the call").And.Contain("contains '..'");
        seen[1].Should().Contain("rejected").And.Contain("Critical");
        seen[2].Should().Contain("arguments.text must be 'string'").And.Contain("arguments.times must be 'integer'");
        seen[3].Should().Contain("arguments.shell is not an accepted argument");
        seen[4].Should().StartWith("Unknown tool 'format_disk'");
        _audit.Entries.Select(e => e.Decision).Should().NotContain(ToolAuditDecision.Succeeded);
    }

    [Fact]
    public async Task Call_waiting_for_approval_stops_the_run_as_pending()
    {
        var store = new InMemoryApprovalStore();
        var model = new ScriptedChatClient(new ChatScript().CallTool("write_file", new { path = "x.txt", content = "x" }, callId: "w1"));
        var strategy = new ReActStrategy(model, Tools(new StoredApprovalHandler(store)), new ReActOptions { ThreadId = "t-9" });

        var result = await strategy.SolveAsync("write x", Ct);

        result.Outcome.Should().Be(StrategyOutcome.PendingApproval);
        result.Reason.Should().Contain("t-9/w1/write_file");
        File.Exists(Path.Combine(_root, "x.txt")).Should().BeFalse();
        (await store.ListPendingAsync(Ct)).Should().ContainSingle();
    }

    [Fact]
    public async Task Repeating_the_same_thought_is_a_stall()
    {
        var model = new ScriptedChatClient(new ChatScript().Working("let me think").Working("let me think").Complete(new { answer = "late" }));
        var result = await new ReActStrategy(model, Tools()).SolveAsync("q", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Stalled);
        result.Reason.Should().Contain("repeated the same thought");
        model.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_first_iteration_can_be_required_to_call_a_tool_and_later_ones_are_free()
    {
        var model = new ScriptedChatClient(new ChatScript().CallTool("read_file", new { path = "a.txt" }).Working("look again").Complete(new { answer = "ok" }));
        File.WriteAllText(Path.Combine(_root, "a.txt"), "x");

        await new ReActStrategy(model, Tools(), new ReActOptions { FirstIterationToolMode = ChatToolMode.RequireAny }).SolveAsync("q", Ct);

        model.Requests.Select(r => r.Options!.ToolMode).Should().Equal(ChatToolMode.RequireAny, null, null);
    }

    [Fact]
    public async Task Iteration_budget_bounds_the_run()
    {
        var model = new ScriptedChatClient(ChatScript.Endless());
        var result = await new ReActStrategy(model, Tools(), new ReActOptions { MaxIterations = 4 }).SolveAsync("q", Ct);

        result.Outcome.Should().Be(StrategyOutcome.Stalled);
        result.Reason.Should().Be("no answer within 4 iterations");
        model.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task Without_tools_a_tool_call_is_answered_with_an_error()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.CallTool("read_file", new { path = "a" }).IgnoringOfferedTools()).Complete(new { answer = "ok" }));
        var result = await new ReActStrategy(model).SolveAsync("q", Ct);

        result.Succeeded.Should().BeTrue();
        model.Requests[1].PendingToolResults.Single().Result.Should().Be("No tools are available; 'read_file' cannot be called.");
    }
}
