using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tools;

namespace Kaizen.Agents.Tests.Interrupts;

[Trait("Category", "interrupts")]
public sealed class AgentInterruptTests : IDisposable
{
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static DelegateAgentObserver At(int turn, Action action) => new(e => { if (e is TurnStarted s && s.Turn == turn) action(); });

    [Fact]
    public async Task A_graceful_interrupt_finishes_the_turn_saves_a_checkpoint_and_reports_why()
    {
        AutonomousAgent? agent = null;
        agent = _fixture.Agent(config: _fixture.Config(interval: 10), services: new AgentServices
        {
            Observers = [At(3, () => agent!.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C"))],
        });

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("t", 100)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Source.Should().Be(InterruptSource.User);
        error.Reason.Mode.Should().Be(InterruptMode.Graceful);
        error.PartialResult!.Turns.Should().Be(3, "the turn in progress is finished");
        error.PartialResult.StopReason.Should().Be(AgentStopReason.Interrupted);
        var checkpoint = await agent.Checkpoints.LoadAsync(error.Reason.CheckpointId!);
        checkpoint.Info.Kind.Should().Be(CheckpointKind.Interrupt);
        checkpoint.State.Turn.Should().Be(3);
        _fixture.Events.Of<RunInterrupted>().Single().Reason.CheckpointId.Should().Be(error.Reason.CheckpointId);
    }

    [Fact]
    public async Task An_immediate_interrupt_cancels_the_model_call_and_keeps_the_last_consistent_turn()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn < 3 ? ScriptedReply.Working($"{turn}") : ScriptedReply.Working("slow").After(TimeSpan.FromMinutes(10))));
        AutonomousAgent? agent = null;
        agent = _fixture.Agent(model, services: new AgentServices
        {
            Observers = [At(3, () => Task.Delay(50).ContinueWith(_ => agent!.Interrupts.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Immediate, "stop now")))],
        });

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("t", 100)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Mode.Should().Be(InterruptMode.Immediate);
        error.Reason.Message.Should().Be("stop now");
        error.InnerException.Should().BeAssignableTo<OperationCanceledException>();
        (await agent.Checkpoints.LoadAsync(error.Reason.CheckpointId!)).State.Turn.Should().Be(2);
    }

    [Fact]
    public async Task A_graceful_stop_that_overruns_the_shutdown_timeout_is_made_immediate()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn < 2 ? ScriptedReply.Working("quick") : ScriptedReply.Working("slow").After(TimeSpan.FromMinutes(10))));
        AutonomousAgent? agent = null;
        agent = _fixture.Agent(model, _fixture.Config() with { GracefulShutdownTimeout = TimeSpan.FromMilliseconds(200) }, new AgentServices
        {
            Observers = [At(2, () => agent!.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C"))],
        });

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("t", 100)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Source.Should().Be(InterruptSource.User);
        error.Reason.Mode.Should().Be(InterruptMode.Immediate);
        error.Reason.Message.Should().Be("Ctrl+C; then graceful shutdown exceeded 200 ms, stopping immediately");
        (await agent.Checkpoints.LoadAsync(error.Reason.CheckpointId!)).State.Turn.Should().Be(1);
    }

    [Fact]
    public async Task The_run_timeout_stops_with_a_system_interrupt()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((_, _) => ScriptedReply.Working("w").After(TimeSpan.FromMilliseconds(40))));
        var agent = _fixture.Agent(model, _fixture.Config() with { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("Long task", 1000)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Source.Should().Be(InterruptSource.System);
        error.Reason.Message.Should().Be("timeout after 300 ms");
        error.PartialResult!.Turns.Should().BeGreaterThan(0).And.BeLessThan(1000);
        error.Reason.CheckpointId.Should().NotBeNull();
    }

    [Fact]
    public async Task The_budget_stops_the_run_gracefully_with_what_was_spent()
    {
        var config = _fixture.Config() with
        {
            Provider = LlmProviders.Scripted,
            Model = "priced",
            Prices = PriceTable.Default.With(LlmProviders.Scripted, "priced", new ModelPrice(1_000m, 1_000m)),
            Budget = new AgentBudget(MaxCostUsd: 0.5m),
        };
        var agent = _fixture.Agent(config: config);

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("spend", 1000)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Source.Should().Be(InterruptSource.System);
        error.Reason.Message.Should().StartWith("budget exceeded: spent $").And.EndWith("of $0.5");
        error.PartialResult!.CostUsd.Should().BeGreaterThanOrEqualTo(0.5m);
        var saved = await agent.Checkpoints.LoadAsync(error.Reason.CheckpointId!);
        saved.State.CostUsd.Should().Be(error.PartialResult.CostUsd);
    }

    [Fact]
    public async Task Interrupting_a_parent_stops_its_child_which_saves_its_own_checkpoint()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, r) => ScriptedReply.Working($"{r.AgentId} {turn}").After(TimeSpan.FromMilliseconds(10))));
        var parent = _fixture.Agent(model);
        using var child = parent.CreateChild("researcher");
        var childRun = child.RunAutonomousAsync("research", 10_000);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        parent.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "Ctrl+C");

        var error = (await FluentActions.Awaiting(() => childRun).Should().ThrowAsync<AgentInterruptedException>()).Which;
        child.AgentId.Should().Be("agent/researcher");
        error.Reason.Source.Should().Be(InterruptSource.User);
        error.Reason.Message.Should().Be("parent agent interrupted: Ctrl+C");
        var saved = await parent.Checkpoints.LoadAsync(error.Reason.CheckpointId!);
        saved.Info.ThreadId.Should().Be(error.PartialResult!.ThreadId);
        saved.State.Conversation.Last().Text.Should().Contain("agent/researcher");
    }

    [Fact]
    public async Task A_child_starts_no_new_run_while_its_parent_is_interrupted()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, r) => ScriptedReply.Complete(new { result = $"{r.AgentId} done" })));
        var parent = _fixture.Agent(model, _fixture.Config(interval: 1));
        using var child = parent.CreateChild("researcher");
        parent.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "stop the team");

        var first = (await FluentActions.Awaiting(() => child.RunAutonomousAsync("task 1")).Should().ThrowAsync<AgentInterruptedException>()).Which;
        var second = (await FluentActions.Awaiting(() => child.RunAutonomousAsync("task 2")).Should().ThrowAsync<AgentInterruptedException>()).Which;

        second.Reason.Message.Should().Be("parent agent interrupted: stop the team");
        second.PartialResult!.Turns.Should().Be(0);
        second.Reason.CheckpointId.Should().NotBeNull().And.NotBe(first.Reason.CheckpointId, "each run keeps its own checkpoint");
        _fixture.Events.Of<RunFinished>().Should().BeEmpty();

        parent.Interrupts.Reset();
        (await child.RunAutonomousAsync("task 3")).StopReason.Should().Be(AgentStopReason.Completed);
    }

    [Fact]
    public async Task A_call_waiting_for_approval_stops_with_a_checkpoint_and_resumes_once_approved()
    {
        var tools = new DelegateToolExecutor().Add("delete_file", _ => "deleted");
        tools.NeedsApproval.Add("delete_file");
        var model = () => new ScriptedChatClient(ChatScript.ByTurn((turn, r) => turn switch
        {
            1 => ScriptedReply.CallTool("delete_file", new { path = "old.log" }, "c1"),
            _ => ScriptedReply.Complete(new { result = $"tool said {r.PendingToolResults.SingleOrDefault()?.Result}" }),
        }));
        var agent = _fixture.Agent(model(), services: new AgentServices { Tools = tools });

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("clean up")).Should().ThrowAsync<AgentInterruptedException>()).Which;

        error.Reason.Source.Should().Be(InterruptSource.Programmatic);
        error.Reason.Message.Should().Be("tool 'delete_file' (call c1) is waiting for approval");
        tools.Executed.Should().BeEmpty();
        _fixture.Events.Of<ToolCalled>().Single().Status.Should().Be(ToolExecutionStatus.PendingApproval);

        tools.Approved.Add("c1");
        var resumed = await _fixture.Agent(model(), services: new AgentServices { Tools = tools }).ResumeAsync(error.Reason.CheckpointId!);

        tools.Executed.Should().ContainSingle().Which.Context.Turn.Should().Be(1);
        resumed.GetOutput<string>("result").Should().Be("tool said deleted");
        resumed.Turns.Should().Be(2);
    }

    [Fact]
    public async Task Caller_cancellation_saves_the_last_consistent_state()
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working("w").After(TimeSpan.FromMilliseconds(turn < 3 ? 0 : 600_000))));
        var agent = _fixture.Agent(model);
        using var cts = new CancellationTokenSource();
        var run = agent.RunAutonomousAsync("t", 10, cts.Token);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        var list = await agent.ListCheckpointsAsync();
        list.Should().ContainSingle().Which.Should().Match<CheckpointInfo>(c => c.Kind == CheckpointKind.Error && c.Turn == 2);
    }
}
