using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Reqnroll;
using Kaizen.Specs.Support;

namespace Kaizen.Specs.Checkpoints;

/// <summary>Steps about automatic checkpoints, resuming and compression, on the real agent and its LiteDB checkpoint file.</summary>
[Binding]
public sealed class CheckpointSteps(AgentWorld world, ScenarioWorkspace workspace, ResumeMarks marks)
{
    private CheckpointInfo? _saved;
    private AgentState? _savedState;
    private Checkpoint? _restored;
    private string _task = "";
    private int _neededTurns;
    private string? _interruptedCheckpointId;

    [Given("an agent that saves a checkpoint every {int} turns")]
    public void GivenCheckpointInterval(int interval) =>
        world.Config = world.Config with { EnableCheckpoints = true, CheckpointInterval = interval };

    [Given("an agent that stores its checkpoints compressed")]
    public void GivenCompressed() =>
        world.Config = world.Config with { EnableCheckpoints = true, CompressCheckpoints = true, CheckpointInterval = 1000 };

    [When("the agent works on {string} for {int} turns")]
    public async Task WorkFor(string task, int turns)
    {
        world.Script = ChatScript.ByTurn((turn, _) => ScriptedReply.Working(AnalystThoughts.For(turn)));
        await world.RunAsync(task, turns);
        world.RequireResult().Turns.Should().Be(turns,
            "the run must last its turn limit: the scripted model keeps working, a real one must call a tool on every turn");
    }

    [Given("the agent has held a conversation of {int} turns")]
    public Task HeldConversation(int turns) => WorkFor("Analyse the March sales export", turns);

    [Then("at least {int} checkpoints have been saved")]
    public async Task AtLeastCheckpoints(int count) =>
        (await world.CheckpointsAsync()).Should().HaveCountGreaterThanOrEqualTo(count, "data folder: {0}", workspace.DataFolder);

    [Then("exactly {int} automatic checkpoints have been saved")]
    public async Task ExactlyAutomaticCheckpoints(int count)
    {
        var checkpoints = await world.CheckpointsAsync();
        checkpoints.Where(c => c.Kind == CheckpointKind.Auto).Should().HaveCount(count,
            "checkpoints saved: {0}", string.Join(", ", checkpoints.Select(c => $"{c.Kind}@{c.Turn}")));
    }

    [Then("every checkpoint belongs to the same run")]
    public async Task SameRun()
    {
        var checkpoints = await world.CheckpointsAsync();
        checkpoints.Select(c => c.ThreadId).Distinct().Should().ContainSingle();
        checkpoints.Skip(1).Select(c => c.ParentId).Should().Equal(checkpoints.SkipLast(1).Select(c => c.Id), "each checkpoint points to the one before it");
    }

    [Then("the latest checkpoint records turn {int}")]
    public async Task LatestRecordsTurn(int turn)
    {
        var latest = (await world.CheckpointsAsync())[^1];
        latest.Turn.Should().Be(turn);
        (await world.Agent!.Checkpoints.LoadAsync(latest.Id)).State.Turn.Should().Be(turn);
    }

    [Given("the task {string} needs {int} turns to complete")]
    public void TaskNeedsTurns(string task, int turns)
    {
        _task = task;
        _neededTurns = turns;
        world.Script = ChatScript.ByTurn((turn, _) => turn < turns
            ? ScriptedReply.Working(AnalystThoughts.For(turn))
            : ScriptedReply.Complete(new { result = $"Quarterly summary ready after {turns} steps." }));
        world.Config = world.Config with { MaxTurns = turns * 2 };
    }

    [When("the run is interrupted during turn {int}")]
    public async Task InterruptedDuring(int turn)
    {
        // An immediate stop while turn N is running, as when the process is stopped hard: that turn is lost, the previous kept.
        var fired = false;
        world.OnEvent((e, agent) =>
        {
            if (fired || e is not TurnStarted started || started.Turn != turn) return;
            fired = true;
            agent.Interrupts.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Immediate, $"stopped during turn {turn}");
        });
        await world.RunAsync(_task);
    }

    [Then("the run stops with a checkpoint at turn {int}")]
    public async Task StopsWithCheckpointAt(int turn)
    {
        var interruption = world.RequireInterruption();
        interruption.Reason.CheckpointId.Should().NotBeNull("an interrupted run names the checkpoint it can resume from");
        _interruptedCheckpointId = interruption.Reason.CheckpointId;
        (await world.Agent!.Checkpoints.LoadAsync(_interruptedCheckpointId!)).State.Turn.Should().Be(turn);
    }

    [Then("the run completes after turn {int}")]
    public void CompletesAfter(int turn)
    {
        var result = world.RequireResult();
        result.StopReason.Should().Be(AgentStopReason.Completed);
        result.Turns.Should().Be(turn);
    }

    [Then("turns {int} to {int} were not executed a second time")]
    public void NotExecutedTwice(int first, int last)
    {
        var resumedTurns = world.Events.Skip(marks.EventsBefore).OfType<TurnStarted>().Select(e => e.Turn).ToList();
        resumedTurns.Should().NotBeEmpty().And.NotContain(t => t >= first && t <= last);
        resumedTurns[0].Should().Be(last + 1, "the resumed run continues with the turn after the checkpoint");
    }

    [Then("the final result is the same as the result of an uninterrupted run")]
    public async Task SameAsUninterrupted()
    {
        var resumed = world.RequireResult();
        world.Config = world.Config with { DataFolder = workspace.FolderOf("uninterrupted") };
        world.BuildAgent("reference");
        await world.RunAsync(_task);
        var uninterrupted = world.RequireResult();

        uninterrupted.Turns.Should().Be(_neededTurns);
        Json(resumed.Outputs).Should().Be(Json(uninterrupted.Outputs));
        resumed.State.Conversation.Select(c => (c.Role, c.Text, c.Turn))
            .Should().Equal(uninterrupted.State.Conversation.Select(c => (c.Role, c.Text, c.Turn)),
                "the resumed conversation must match the uninterrupted one turn by turn");
    }

    [When("a checkpoint is saved")]
    public async Task SaveCheckpoint()
    {
        _saved = await world.Agent!.CreateCheckpointAsync();
        _savedState = world.Agent.CurrentState;
    }

    [Then("the stored checkpoint is smaller than {int}% of its raw size")]
    public void SmallerThan(int percent)
    {
        _saved!.Compression.Should().NotBe(CheckpointCompression.None);
        _saved.StoredSize.Should().BeLessThan(_saved.RawSize * percent / 100,
            "raw {0} bytes were stored as {1} bytes ({2:P1})", _saved.RawSize, _saved.StoredSize, _saved.CompressionRatio);
        _saved.CompressionRatio.Should().BeLessThan(percent / 100.0, "the checkpoint reports the ratio it was stored at");
    }

    [Then("the stored checkpoint is smaller than its raw size")]
    public void SmallerThanRaw()
    {
        _saved!.Compression.Should().NotBe(CheckpointCompression.None);
        _saved.StoredSize.Should().BeLessThan(_saved.RawSize, "raw {0} bytes were stored as {1} bytes", _saved.RawSize, _saved.StoredSize);
    }

    [Then("the restored state has every turn of the conversation")]
    public void RestoredEveryTurn()
    {
        _restored!.State.Turn.Should().Be(_savedState!.Turn).And.BePositive();
        _restored.State.Conversation.Count(c => c.Role == ConversationEntry.AssistantRole).Should().Be(_savedState.Turn);
    }

    [When("that checkpoint is loaded back")]
    public async Task LoadBack()
    {
        // Close the agent and read the file with a fresh store, so the state really comes from disk.
        world.Agent!.Dispose();
        using var store = new LiteDbCheckpointStore(world.Config.CheckpointDatabasePath, world.Config.EffectiveCompression);
        _restored = await store.LoadAsync(_saved!.Id);
    }

    [Then("the restored state has all {int} turns of the conversation")]
    public void RestoredTurns(int turns)
    {
        _restored!.State.Turn.Should().Be(turns);
        _restored.State.Conversation.Count(c => c.Role == ConversationEntry.AssistantRole).Should().Be(turns);
    }

    [Then("the restored state matches the saved state field by field")]
    public void RestoredMatches() => Json(_restored!.State).Should().Be(Json(_savedState!));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
