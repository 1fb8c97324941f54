using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Specs.Support;
using LiteDB;
using Reqnroll;

namespace Kaizen.Specs.Checkpoints;

/// <summary>
/// Checkpoint steps whose runs last as long as the model decides: every Then compares what the library saved with
/// the turns the run really took, so they hold for any model and fail when the library gets it wrong.
/// </summary>
[Binding]
public sealed class RealRunCheckpointSteps(AgentWorld world, ModelTranscript transcript, ResumeMarks marks)
{
    private CheckpointInfo? _forkedFrom;
    private CheckpointInfo? _fork;
    private IReadOnlyList<CheckpointInfo> _originalBeforeFork = [];
    private IReadOnlyList<CheckpointInfo> _beforeDamage = [];
    private Checkpoint? _stoppedAt;
    private int _eventsBeforeFork;
    private CheckpointCorruptedException? _corruption;

    [When("the agent works on {string} for at most {int} turns")]
    [Given("the agent has worked on {string} for at most {int} turns")]
    public async Task WorkForAtMost(string task, int turns)
    {
        await world.RunAsync(task, turns);
        var result = world.RequireResult();
        result.Turns.Should().BeInRange(1, turns, "the run ends by completion or at its turn limit");
    }

    [Then("an automatic checkpoint was saved after every {int} turns of the run")]
    public async Task AutomaticEvery(int interval)
    {
        var turns = world.RequireResult().Turns;
        var expected = Enumerable.Range(1, turns / interval).Select(i => i * interval);
        var checkpoints = await world.CheckpointsAsync();
        checkpoints.Where(c => c.Kind == CheckpointKind.Auto).Select(c => c.Turn).Should().Equal(expected,
            "the run took {0} turns; checkpoints: {1}", turns, string.Join(", ", checkpoints.Select(c => $"{c.Kind}@{c.Turn}")));
    }

    [Then("the latest checkpoint records the last turn of the run")]
    public async Task LatestRecordsLastTurn()
    {
        var result = world.RequireResult();
        var latest = (await world.CheckpointsAsync())[^1];
        latest.Turn.Should().Be(result.Turns);
        var state = (await world.Agent!.Checkpoints.LoadAsync(latest.Id)).State;
        state.Conversation.Should().HaveCount(result.State.Conversation.Count, "the last checkpoint holds the whole conversation of the run");
        state.Completed.Should().Be(result.State.Completed);
    }

    [When("the run is forked from its first checkpoint and the fork is resumed for {int} more turn")]
    public async Task ForkAndResume(int more)
    {
        var agent = world.Agent!;
        _originalBeforeFork = await world.CheckpointsAsync();
        _forkedFrom = _originalBeforeFork[0];
        _fork = await agent.ForkAsync(_forkedFrom.Id);
        _eventsBeforeFork = world.Events.Count;
        await world.ResumeAsync(_fork.Id, _forkedFrom.Turn + more);
    }

    [Then("the fork is a new thread whose first checkpoint points to the one it was forked from")]
    public async Task ForkIsNewThread()
    {
        _fork!.ThreadId.Should().NotBe(_forkedFrom!.ThreadId);
        var forkCheckpoints = await world.Agent!.ListCheckpointsAsync(_fork.ThreadId);
        forkCheckpoints[0].Id.Should().Be(_fork.Id);
        forkCheckpoints[0].Kind.Should().Be(CheckpointKind.Fork);
        forkCheckpoints[0].ParentId.Should().Be(_forkedFrom.Id);
        forkCheckpoints.Skip(1).Select(c => c.ParentId).Should().Equal(forkCheckpoints.SkipLast(1).Select(c => c.Id), "the fork's checkpoints form one chain");
    }

    [Then("the fork started from the state of that checkpoint")]
    public async Task ForkStartedFromState()
    {
        var source = (await world.Agent!.Checkpoints.LoadAsync(_forkedFrom!.Id)).State;
        var forked = world.Result?.State ?? world.RequireInterruption().PartialResult!.State;
        forked.Conversation.Take(source.Conversation.Count).Should().Equal(source.Conversation, "the fork keeps the conversation up to the checkpoint");
        // No turn at all is right when the model had finished by that checkpoint; any turn run must come after it, on the fork.
        world.Events.Skip(_eventsBeforeFork).OfType<TurnStarted>().Should().NotContain(t => t.Turn <= _forkedFrom.Turn || t.ThreadId != _fork!.ThreadId);
        forked.Turn.Should().BeGreaterThanOrEqualTo(_forkedFrom.Turn);
    }

    [Then("the original thread's checkpoints are unchanged")]
    public async Task OriginalUnchanged()
    {
        var now = await world.Agent!.ListCheckpointsAsync(_forkedFrom!.ThreadId);
        now.Select(c => (c.Id, c.Turn, c.Kind)).Should().Equal(_originalBeforeFork.Select(c => (c.Id, c.Turn, c.Kind)));
    }

    [Given("a manual checkpoint was saved after the run")]
    public async Task ManualCheckpoint()
    {
        await world.Agent!.CreateCheckpointAsync();
        _beforeDamage = await world.CheckpointsAsync();
        _beforeDamage.Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [When("the bytes of the newest checkpoint are damaged on disk")]
    public void DamageNewest()
    {
        // The environment fails, not the library: the agent is closed, one byte in the middle of the stored state flips.
        world.Agent!.Dispose();
        using var database = new LiteDatabase(world.Config.CheckpointDatabasePath);
        var collection = database.GetCollection("checkpoints");
        var document = collection.FindById(_beforeDamage[^1].Id);
        var payload = document["payload"].AsBinary;
        payload[payload.Length / 2] ^= 0x5A;
        document["payload"] = payload;
        collection.Update(document).Should().BeTrue();
    }

    [Then("loading the newest checkpoint fails because it is corrupted")]
    public async Task LoadingFails()
    {
        using var store = new LiteDbCheckpointStore(world.Config.CheckpointDatabasePath, world.Config.EffectiveCompression);
        _corruption = (await FluentActions.Awaiting(() => store.LoadAsync(_beforeDamage[^1].Id))
            .Should().ThrowAsync<CheckpointCorruptedException>()).Which;
        _corruption.CheckpointId.Should().Be(_beforeDamage[^1].Id);
    }

    [Then("the error names the previous checkpoint as the one to resume from")]
    public void ErrorNamesPrevious()
    {
        _corruption!.PreviousValidCheckpointId.Should().Be(_beforeDamage[^2].Id);
        _corruption.Message.Should().Contain(_beforeDamage[^2].Id);
    }

    [Then("resuming from that previous checkpoint works")]
    public async Task ResumingPreviousWorks()
    {
        world.BuildAgent("after-damage");
        await world.ResumeAsync(_corruption!.PreviousValidCheckpointId!, _beforeDamage[^2].Turn + 1);
        var result = world.RequireResult();
        result.ThreadId.Should().Be(_beforeDamage[^2].ThreadId);
        result.Turns.Should().BeGreaterThanOrEqualTo(_beforeDamage[^2].Turn);
    }

    [When("the agent works on {string} and is stopped gracefully during turn {int}")]
    public async Task StoppedGracefullyDuring(string task, int turn)
    {
        // A graceful stop waits for the model to finish its reply; a CPU model may take longer than the 5 s default.
        world.Config = world.Config with { GracefulShutdownTimeout = TimeSpan.FromMinutes(10) };
        var fired = false;
        world.OnEvent((e, agent) =>
        {
            if (fired || e is not TurnStarted started || started.Turn != turn) return;
            fired = true;
            agent.Interrupts.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Graceful, $"stopped during turn {turn}");
        });
        await world.RunAsync(task, turn + 2);
        var interruption = world.RequireInterruption();
        _stoppedAt = await world.Agent!.Checkpoints.LoadAsync(interruption.Reason.CheckpointId!);
    }

    [When("the user resumes the run from its latest checkpoint")]
    public async Task ResumeLatest()
    {
        // A new agent on the same data folder, as after a restart of the process.
        var checkpointId = world.RequireInterruption().Reason.CheckpointId ?? throw new InvalidOperationException("No interrupted run to resume.");
        world.Agent!.Dispose();
        world.BuildAgent();
        marks.EventsBefore = world.Events.Count;
        marks.CallsBefore = transcript.Exchanges.Count;
        await world.ResumeAsync(checkpointId);
    }

    [Then("no turn up to turn {int} was executed a second time")]
    public void NoTurnRepeated(int last)
    {
        var resumedTurns = world.Events.Skip(marks.EventsBefore).OfType<TurnStarted>().Select(e => e.Turn).ToList();
        resumedTurns.Should().NotContain(t => t <= last);
        if (resumedTurns.Count > 0) resumedTurns[0].Should().Be(last + 1, "the resumed run continues with the turn after the checkpoint");
        world.RequireResult().State.Turn.Should().BeGreaterThanOrEqualTo(last);
    }

    [Then("the resumed run asked the model once per new turn")]
    public void OneCallPerNewTurn()
    {
        var newTurns = world.Events.Skip(marks.EventsBefore).OfType<TurnStarted>().Count();
        transcript.Exchanges.Count.Should().Be(marks.CallsBefore + newTurns, "a resume must not pay again for turns already done");
    }

    [Then("the resumed conversation begins with the conversation of the checkpoint")]
    public void ResumedBeginsWithCheckpoint()
    {
        var saved = _stoppedAt!.State.Conversation;
        world.RequireResult().State.Conversation.Take(saved.Count).Should().Equal(saved);
    }

    [Then("the resumed run's checkpoints continue the same thread")]
    public async Task ResumedCheckpointsContinueThread()
    {
        var all = await world.Agent!.ListCheckpointsAsync(_stoppedAt!.Info.ThreadId);
        all.Should().Contain(c => c.Id == _stoppedAt.Info.Id);
        all.Skip(1).Select(c => c.ParentId).Should().Equal(all.SkipLast(1).Select(c => c.Id), "one unbroken chain on the thread");
        world.RequireResult().ThreadId.Should().Be(_stoppedAt.Info.ThreadId);
    }
}
