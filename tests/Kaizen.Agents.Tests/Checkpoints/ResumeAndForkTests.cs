using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;

namespace Kaizen.Agents.Tests.Checkpoints;

[Trait("Category", "checkpoints")]
public sealed class ResumeAndForkTests : IDisposable
{
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    // Deterministic by turn: works 7 turns (one tool call on turn 3), completes on turn 8.
    private static ScriptedChatClient Model() => new(ChatScript.ByTurn((turn, r) => turn switch
    {
        3 => ScriptedReply.CallTool("lookup", new { key = "k" }),
        8 => ScriptedReply.Complete(new { result = $"finished after {r.Messages.Count} messages" }),
        _ => ScriptedReply.Working($"step {turn}"),
    }));

    private static string Hash(AgentState state) => CheckpointCodec.Encode(state, CheckpointCompression.None).Sha256;

    private AgentServices Services() => new() { Tools = new DelegateToolExecutor().Add("lookup", _ => "value") };

    [Fact]
    public async Task A_resumed_run_ends_in_exactly_the_state_of_an_uninterrupted_one()
    {
        var config = _fixture.Config(interval: 2);
        var reference = await _fixture.Agent(Model(), config, Services()).RunAutonomousAsync("task", 20);

        AutonomousAgent? pausing = null;
        var stopAfterTurn5 = new DelegateAgentObserver(e =>
        {
            if (e is TurnFinished { Turn: 5 }) pausing!.Interrupts.RequestInterrupt(InterruptSource.Programmatic, InterruptMode.Graceful, "pause");
        });
        pausing = _fixture.Agent(Model(), config, Services() with { Observers = [stopAfterTurn5] });
        var stop = (await FluentActions.Awaiting(() => pausing.RunAutonomousAsync("task", 20)).Should().ThrowAsync<AgentInterruptedException>()).Which;
        stop.PartialResult!.Turns.Should().Be(5);

        var resumer = _fixture.Agent(Model(), config, Services());
        var resumed = await resumer.ResumeAsync(stop.Reason.CheckpointId!);

        resumed.Turns.Should().Be(8);
        resumed.ThreadId.Should().Be(stop.PartialResult.ThreadId);
        Hash(resumed.State).Should().Be(Hash(reference.State));
        resumed.GetOutput<string>("result").Should().Be(reference.GetOutput<string>("result"));
        (await resumer.ListCheckpointsAsync()).Select(c => c.Turn).Should().Equal(2, 4, 5, 6, 8);
    }

    [Fact]
    public async Task An_agent_on_the_same_data_folder_resumes_a_checkpoint_written_after_it_opened_the_store()
    {
        var config = _fixture.Config(interval: 2);
        var resumer = _fixture.Agent(Model(), config, Services());
        (await resumer.ListCheckpointsAsync("no-such-thread")).Should().BeEmpty();
        var writer = _fixture.Agent(Model(), config, Services());

        var written = await writer.RunAutonomousAsync("task", 5);
        var resumed = await resumer.ResumeAsync(written.LastCheckpointId!, maxTurns: 20);

        resumed.Turns.Should().Be(8);
        (await resumer.ListCheckpointsAsync(written.ThreadId)).Select(c => c.Turn).Should().Equal(2, 4, 5, 6, 8);
    }

    [Fact]
    public async Task A_fork_starts_a_new_thread_linked_to_its_source_and_leaves_the_original_alone()
    {
        var agent = _fixture.Agent(Model(), _fixture.Config(interval: 2), Services());
        var original = await agent.RunAutonomousAsync("task", 20);
        var at4 = (await agent.ListCheckpointsAsync(original.ThreadId)).Single(c => c.Turn == 4);

        var fork = await agent.ForkAsync(at4.Id);
        var forked = await agent.ResumeAsync(fork.Id, maxTurns: 6);

        fork.ThreadId.Should().NotBe(original.ThreadId);
        fork.ParentId.Should().Be(at4.Id);
        fork.Kind.Should().Be(CheckpointKind.Fork);
        forked.ThreadId.Should().Be(fork.ThreadId);
        forked.Turns.Should().Be(6);
        forked.StopReason.Should().Be(AgentStopReason.MaxTurns);
        (await agent.ListCheckpointsAsync(original.ThreadId)).Select(c => c.Turn).Should().Equal(2, 4, 6, 8);
        (await agent.ListCheckpointsAsync(fork.ThreadId)).Select(c => (c.Turn, c.Kind)).Should().Equal((4, CheckpointKind.Fork), (6, CheckpointKind.Auto));
    }

    [Fact]
    public async Task Hooks_run_before_and_after_each_checkpoint_and_a_pre_hook_can_add_state()
    {
        var calls = new List<string>();
        var hook = new DelegateCheckpointHook(
            before: ctx =>
            {
                calls.Add($"pre:{ctx.State.Turn}:{ctx.Kind}");
                ctx.State = ctx.State with { Extensions = new Dictionary<string, string>(ctx.State.Extensions) { ["hook"] = $"\"turn {ctx.State.Turn}\"" } };
                return ValueTask.CompletedTask;
            },
            after: (ctx, info) => { calls.Add($"post:{info.Turn}:{info.Id.Length}"); return ValueTask.CompletedTask; });
        var agent = _fixture.Agent(config: _fixture.Config(interval: 2), services: new AgentServices { CheckpointHooks = [hook] });

        var result = await agent.RunAutonomousAsync("t", 4);

        calls.Should().Equal("pre:2:Auto", "post:2:32", "pre:4:Auto", "post:4:32");
        (await agent.Checkpoints.LoadAsync(result.LastCheckpointId!)).State.Extensions["hook"].Should().Be("\"turn 4\"");
    }

    [Fact]
    public async Task A_manual_checkpoint_chains_to_the_last_one()
    {
        var agent = _fixture.Agent(config: _fixture.Config(interval: 3));
        var result = await agent.RunAutonomousAsync("t", 3);
        var manual = await agent.CreateCheckpointAsync();
        manual.Kind.Should().Be(CheckpointKind.Manual);
        manual.ParentId.Should().Be(result.LastCheckpointId);
        manual.Turn.Should().Be(3);
    }

    [Fact]
    public async Task Retention_keeps_the_configured_number_per_thread()
    {
        var agent = _fixture.Agent(config: _fixture.Config(interval: 1) with { CheckpointRetention = 2 });
        await agent.RunAutonomousAsync("t", 7);
        (await agent.ListCheckpointsAsync()).Select(c => c.Turn).Should().Equal(6, 7);
    }

    [Fact]
    public async Task Resuming_a_corrupted_checkpoint_names_the_previous_valid_one()
    {
        var agent = _fixture.Agent(config: _fixture.Config(interval: 1));
        await agent.RunAutonomousAsync("t", 3);
        var list = await agent.ListCheckpointsAsync();
        agent.Dispose();
        using (var raw = new LiteDB.LiteDatabase(Path.Combine(_fixture.DataFolder, "checkpoints.db")))
        {
            var col = raw.GetCollection("checkpoints");
            var doc = col.FindById(list[2].Id);
            doc["payload"] = new byte[] { 1, 2, 3 };
            col.Update(doc);
        }

        var again = _fixture.Agent(config: _fixture.Config(interval: 1));
        var error = (await FluentActions.Awaiting(() => again.ResumeAsync(list[2].Id)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;
        error.PreviousValidCheckpointId.Should().Be(list[1].Id);
        (await again.ResumeAsync(error.PreviousValidCheckpointId!, maxTurns: 3)).Turns.Should().Be(3);
    }
}
