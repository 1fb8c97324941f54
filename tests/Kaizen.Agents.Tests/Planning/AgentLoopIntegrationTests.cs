using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Planning;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;

namespace Kaizen.Agents.Tests.Planning;

/// <summary>
/// Planning, orchestration and tools wired into the real agent loop (<see cref="AutonomousAgent"/> with a LiteDB
/// checkpoint file); only the model is scripted.
/// </summary>
[Trait("Category", "planning-lib")]
[Trait("Category", "tools-lib")]
public sealed class AgentLoopIntegrationTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly AgentFixture _fixture = new();
    private readonly string _workspace;
    private readonly InMemoryToolAuditLog _audit = new();

    public AgentLoopIntegrationTests()
    {
        _workspace = Path.Combine(_fixture.DataFolder, "workspace");
        Directory.CreateDirectory(_workspace);
    }

    public void Dispose() => _fixture.Dispose();

    private ToolExecutor Tools(IApprovalHandler approvals) =>
        new(new ToolRegistry().AddFileTools(new Workspace(_workspace)), approvals: approvals, audit: _audit);

    private static ScriptedReply PlanReply(params string[] steps) =>
        ScriptedReply.Json(new { steps = steps.Select(s => new { description = s, expected_outcome = "done" }) });

    [Fact]
    public async Task Each_plan_step_runs_through_the_agent_loop_with_the_plan_in_its_prompt_and_tools()
    {
        var planner = new ScriptedChatClient(new ChatScript().Reply(PlanReply("write the greeting", "read it back")));
        var agentModel = new ScriptedChatClient(new ChatScript()
            .CallTool("write_file", new { path = "greeting.txt", content = "hello" })
            .Complete(new { result = "greeting.txt written" })
            .CallTool("read_file", new { path = "greeting.txt" })
            .Reply(r => ScriptedReply.Complete(new { result = $"it says {r.PendingToolResults.Single().Result}" })));
        var agent = _fixture.Agent(agentModel, services: new AgentServices { Tools = Tools(new CallbackApprovalHandler(_ => true)) });

        var result = await new PlanningAgent(planner, new AgentStepExecutor(agent, maxTurnsPerStep: 5)).RunAsync("greet in a file", Ct);

        result.Succeeded.Should().BeTrue();
        result.Plan.Steps.Select(s => s.Output).Should().Equal("greeting.txt written", "it says hello");
        File.ReadAllText(Path.Combine(_workspace, "greeting.txt")).Should().Be("hello");
        agentModel.Requests[0].SystemText.Should().Contain("Current plan (JSON): ").And.Contain("\"description\":\"write the greeting\"");
        agentModel.Requests.Last().SystemText.Should().Contain("\"status\":\"Succeeded\"", "step 2 sees step 1 done in the plan");
        agentModel.Requests[0].OfferedTools.Should().Contain("write_file");
        _audit.Entries.Should().Contain(e => e.ToolName == "write_file" && e.Decision == ToolAuditDecision.Approved);
    }

    [Fact]
    public async Task Approval_waits_across_a_checkpoint_and_the_approved_call_runs_after_resume()
    {
        var store = new JsonFileApprovalStore(Path.Combine(_fixture.DataFolder, "approvals.json"));
        ScriptedChatClient Model() => new(ChatScript.ByTurn((turn, r) => turn switch
        {
            1 => ScriptedReply.CallTool("delete_file", new { path = "old.log" }, "del-1"),
            _ => ScriptedReply.Complete(new { result = $"tool said {r.PendingToolResults.SingleOrDefault()?.Result}" }),
        }));
        File.WriteAllText(Path.Combine(_workspace, "old.log"), "stale");
        var first = _fixture.Agent(Model(), services: new AgentServices { Tools = Tools(new StoredApprovalHandler(store)) });

        var interrupted = (await FluentActions.Awaiting(() => first.RunAutonomousAsync("clean up", 5, Ct))
            .Should().ThrowAsync<AgentInterruptedException>()).Which;

        File.Exists(Path.Combine(_workspace, "old.log")).Should().BeTrue("nothing runs before approval");
        var pending = await store.ListPendingAsync(Ct);
        pending.Should().ContainSingle().Which.Request.Should().Match<ApprovalRequest>(r => r.ToolName == "delete_file" && r.CallId == "del-1");

        await store.DecideAsync(pending[0].Request.RequestId, approved: true, decider: "ops", cancellationToken: Ct);
        var second = _fixture.Agent(Model(), services: new AgentServices { Tools = Tools(new StoredApprovalHandler(store)) });
        var resumed = await second.ResumeAsync(interrupted.Reason.CheckpointId!, cancellationToken: Ct);

        resumed.GetOutput<string>("result").Should().Be("tool said deleted old.log");
        File.Exists(Path.Combine(_workspace, "old.log")).Should().BeFalse();
        _audit.Entries.Select(e => (e.Decision, e.Decider)).Should().ContainInOrder(
            (ToolAuditDecision.PendingApproval, "store"), (ToolAuditDecision.Approved, "store:ops"), (ToolAuditDecision.Succeeded, "tool"));
    }

    [Fact]
    public async Task Interrupt_inside_a_step_reaches_the_caller_instead_of_becoming_a_failed_step()
    {
        var planner = new ScriptedChatClient(new ChatScript().Reply(PlanReply("remove the log")));
        var agentModel = new ScriptedChatClient(new ChatScript().CallTool("delete_file", new { path = "x.log" }));
        var agent = _fixture.Agent(agentModel, services: new AgentServices { Tools = Tools(new StoredApprovalHandler(new InMemoryApprovalStore())) });
        Plan? lastSeen = null;
        var planning = new PlanningAgent(planner, new AgentStepExecutor(agent, 5),
            new PlanningAgentOptions { OnPlanChanged = (p, _) => { lastSeen = p; return ValueTask.CompletedTask; } });

        await FluentActions.Awaiting(() => planning.RunAsync("tidy", Ct)).Should().ThrowAsync<AgentInterruptedException>();

        planner.Requests.Should().ContainSingle("no replan for an interrupt");
        lastSeen!.Steps.Single().Status.Should().Be(PlanStepStatus.Pending);
    }

    [Fact]
    public async Task Meta_controller_moves_a_task_from_an_agent_that_runs_out_of_turns_to_one_that_completes()
    {
        var stuck = new AutonomousTaskAgent("stuck", ["research"], _fixture.Agent(new ScriptedChatClient(ChatScript.Endless())), maxTurns: 2);
        var able = new AutonomousTaskAgent("able", ["research", "writing"],
            _fixture.Agent(new ScriptedChatClient(new ChatScript().Working("reading").Complete(new { result = "summary" }))));
        var controller = new MetaController().Register(stuck).Register(able);

        var outcome = await controller.RunAsync(new AgentTask("t1", "summarise the paper") { RequiredCapabilities = ["research"] }, Ct);

        outcome.Succeeded.Should().BeTrue();
        outcome.Output.Should().Be("summary");
        outcome.Attempts.Select(a => (a.AgentName, a.Error)).Should().Equal(
            ("stuck", "agent 'agent' stopped (MaxTurns) after 2 turn(s)"), ("able", (string?)null));
    }

    [Fact]
    public async Task A_step_that_fails_through_a_tool_reports_the_tool_error_to_the_replanner()
    {
        var registry = new ToolRegistry().AddFileTools(new Workspace(_workspace));
        var planner = new ScriptedChatClient(new ChatScript()
            .Reply(PlanReply("read the missing notes", "write the summary"))
            .Reply(PlanReply("read the missing notes", "write the summary from memory")));
        // Every step tries to read a file that is not there, then gives up without completing.
        var agentModel = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn == 1
            ? ScriptedReply.CallTool("read_file", new { path = "missing.txt" })
            : ScriptedReply.Working("the file is not there")));
        var agent = _fixture.Agent(agentModel, services: new AgentServices { Tools = new ToolExecutor(registry, audit: _audit) });

        var result = await new PlanningAgent(planner, new AgentStepExecutor(agent, maxTurnsPerStep: 2), new PlanningAgentOptions { MaxReplans = 1 })
            .RunAsync("summarise the notes", Ct);

        var failure = result.Plan.Failures.Should().NotBeEmpty().And.Subject.First();
        failure.Error.Should().Contain("tool 'read_file' failed:").And.Contain("missing.txt");
        planner.Requests[1].LastUserText.Should().Contain("tool 'read_file' failed:", "the replanner is told why the step failed");
    }
}
