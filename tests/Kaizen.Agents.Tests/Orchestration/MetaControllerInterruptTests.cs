using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Tests.Agents.Support;

namespace Kaizen.Agents.Tests.Orchestration;

/// <summary>
/// An interrupt stops a whole controller run: running members stop with their own checkpoint, tasks not yet started
/// never start and are reported as not run, and the caller gets every outcome with the interrupt.
/// </summary>
[Trait("Category", "orchestration-lib")]
[Trait("Category", "interrupts")]
public sealed class MetaControllerInterruptTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static AgentTask Research(string id, params string[] dependsOn) =>
        new(id, $"research {id}") { RequiredCapabilities = ["research"], DependsOn = dependsOn };

    private static InterruptReason UserStop(string message) => new(InterruptSource.User, InterruptMode.Graceful, message, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_member_stopped_by_an_interrupt_keeps_queued_tasks_from_starting()
    {
        var received = new List<string>();
        var agent = new DelegateTaskAgent("r1", ["research"], (task, _) =>
        {
            lock (received) received.Add(task.Id);
            return task.Id == "t1"
                ? throw new AgentInterruptedException(UserStop("the user stopped the team") with { CheckpointId = "cp-1" })
                : Task.FromResult(TaskAgentResult.Success("done"));
        });
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 1 }).Register(agent);

        var stop = (await FluentActions.Awaiting(() => controller.RunAllAsync([Research("t1"), Research("t2"), Research("t3", "t1")], Ct))
            .Should().ThrowAsync<TasksInterruptedException>()).Which;

        received.Should().Equal(["t1"], "nothing starts after the interrupt");
        stop.Reason.Message.Should().Be("the user stopped the team");
        stop.Reason.CheckpointId.Should().Be("cp-1");
        stop.Outcomes.Select(o => o.TaskId).Should().Equal("t1", "t2", "t3");
        stop.Outcomes.Should().OnlyContain(o => !o.Succeeded);
        stop.Outcomes[0].Attempts.Should().ContainSingle().Which.Error.Should().Contain("interrupted").And.Contain("checkpoint cp-1");
        stop.Outcomes[1].FailureReason.Should().Be("not run: the run was interrupted before the task started (the user stopped the team)");
        stop.Outcomes[2].FailureReason.Should().StartWith("not run:", "a dependant of an interrupted task is not run, rather than failed");
        stop.Message.Should().Contain("0 of 3 task(s) finished before the stop");
    }

    [Fact]
    public async Task An_interrupt_of_the_team_manager_keeps_further_tasks_from_starting_and_reaches_the_caller()
    {
        using var team = new InterruptManager();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new List<string>();
        var agent = new DelegateTaskAgent("r1", ["research"], async (task, ct) =>
        {
            lock (received) received.Add(task.Id);
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
            return TaskAgentResult.Success($"done {task.Id}");
        });
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 1, Interrupts = team }).Register(agent);

        var run = controller.RunAllAsync([Research("t1"), Research("t2")], Ct);
        await started.Task.WaitAsync(Patience, Ct);
        team.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "closing time");
        release.SetResult();

        var stop = (await FluentActions.Awaiting(() => run.WaitAsync(Patience, Ct)).Should().ThrowAsync<TasksInterruptedException>()).Which;
        received.Should().Equal(["t1"]);
        stop.Reason.Message.Should().Be("closing time");
        stop.Outcomes[0].Output.Should().Be("done t1", "a task already running when the team stops may still finish");
        stop.Outcomes[1].FailureReason.Should().Contain("not run").And.Contain("closing time");
    }

    [Fact]
    public async Task Interrupting_the_parent_stops_every_running_child_each_with_its_own_checkpoint_and_nothing_finishes()
    {
        // Children answer "working" every turn, so only the interrupt can end their runs.
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, r) => ScriptedReply.Working($"{r.AgentId} {turn}").After(TimeSpan.FromMilliseconds(5))));
        var turnsSeen = new HashSet<string>();
        var bothWorking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = new DelegateAgentObserver(e =>
        {
            if (e is not TurnFinished) return;
            lock (turnsSeen) if (turnsSeen.Add(e.AgentId) && turnsSeen.Count == 2) bothWorking.TrySetResult();
        });
        var team = _fixture.Agent(model, _fixture.Config(interval: 1), new AgentServices { Observers = [watcher] });
        var children = Enumerable.Range(1, 2).Select(i => team.CreateChild($"r{i}")).ToList();
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2 });
        foreach (var child in children) controller.Register(new AutonomousTaskAgent(child.AgentId, ["research"], child, maxTurns: 10_000));

        // Two tasks per child: the second ones are queued behind the first and must never run.
        var run = controller.RunAllAsync([Research("q1"), Research("q2"), Research("q3"), Research("q4")], Ct);
        await bothWorking.Task.WaitAsync(Patience, Ct);
        team.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "the user stopped the team");

        var stop = (await FluentActions.Awaiting(() => run.WaitAsync(Patience, Ct)).Should().ThrowAsync<TasksInterruptedException>()).Which;
        _fixture.Events.Of<RunFinished>().Should().BeEmpty("no member finishes a task after its team was stopped");
        var interrupted = _fixture.Events.Of<RunInterrupted>();
        interrupted.Select(e => e.AgentId).Should().BeEquivalentTo(["agent/r1", "agent/r2"]);
        interrupted.Select(e => e.ThreadId).Should().OnlyHaveUniqueItems();
        foreach (var e in interrupted)
        {
            e.Reason.Message.Should().Be("parent agent interrupted: the user stopped the team");
            (await team.Checkpoints.LoadAsync(e.Reason.CheckpointId!, Ct)).Info.ThreadId.Should().Be(e.ThreadId);
        }
        stop.Outcomes.Take(2).Should().OnlyContain(o => o.Attempts.Count == 1 && o.Attempts[0].Error!.StartsWith("interrupted:"));
        stop.Outcomes.Skip(2).Should().OnlyContain(o => o.FailureReason!.StartsWith("not run:"));
        _fixture.Events.Of<TurnStarted>().Select(e => e.ThreadId).Distinct().Should().HaveCount(2, "the queued tasks never started a run");
    }
}
