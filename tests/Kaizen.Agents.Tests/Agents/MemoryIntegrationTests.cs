using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class MemoryIntegrationTests : IDisposable
{
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Every_entry_is_stored_once_and_the_cursor_follows()
    {
        var memory = new InMemoryMemoryBackend();
        var model = new ScriptedChatClient(new ChatScript().Working("first").Working("second").Complete(new { result = "r" }));
        var agent = _fixture.Agent(model, services: new AgentServices { Memory = memory });

        var result = await agent.RunAutonomousAsync("remember things");

        memory.Turns.Select(t => t.Role).Should().Equal("user", "assistant", "assistant", "assistant");
        memory.Turns[0].Content.Should().Be("Task: remember things");
        result.State.MemoryCursor.Should().Be(3);
        result.State.MemoryStoredEntries.Should().Be(4);
    }

    [Fact]
    public async Task Hot_turns_are_messages_warm_turns_a_transcript_and_cold_hits_are_retrieved()
    {
        var memory = new InMemoryMemoryBackend();
        await memory.StoreTurnAsync("assistant", "the invoice total was 420 euros", DateTimeOffset.UnixEpoch);
        for (var i = 0; i < 5; i++) await memory.StoreTurnAsync("user", $"filler {i}", DateTimeOffset.UnixEpoch);
        var model = new ScriptedChatClient(new ChatScript().Complete(new { result = "420" }));
        var config = _fixture.Config() with { MemoryHotTurns = 2, MemoryWarmWindow = 3, MemoryColdResults = 2 };

        await _fixture.Agent(model, config, new AgentServices { Memory = memory }).RunAutonomousAsync("what was the invoice total");

        var request = model.Requests.Single();
        memory.ColdQueries.Should().Equal("what was the invoice total");
        request.SystemText.Should().Contain("Relevant memories:\n- (assistant) the invoice total was 420 euros");
        // The task is stored at run start, so hot (newest 2) = [filler 4, task] and warm (last 3) adds only filler 3.
        request.SystemText.Should().EndWith("Earlier in this session:\nuser: filler 3").And.NotContain("filler 2");
        request.Messages.Skip(1).Select(m => m.Text).Should().Equal("Task: what was the invoice total", "filler 4");
    }

    [Fact]
    public async Task A_resume_after_a_crash_does_not_store_turns_twice()
    {
        var memory = new InMemoryMemoryBackend();
        var config = _fixture.Config(interval: 2);
        var autoAt2 = await CrashAfterTurnThreeAsync(memory, config);

        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working($"w{turn}")));
        var second = _fixture.Agent(model, config, new AgentServices { Memory = memory });
        var result = await second.ResumeAsync(autoAt2);

        result.Turns.Should().Be(6);
        memory.Turns.Select(t => t.Content).Where(c => c.Contains("\"w")).Should().OnlyHaveUniqueItems().And.HaveCount(6);
        memory.Turns.Count.Should().Be(7);
        result.State.MemoryCursor.Should().Be(6);
    }

    [Fact]
    public async Task A_turn_the_resumed_run_does_differently_replaces_what_the_lost_process_stored()
    {
        var memory = new InMemoryMemoryBackend();
        var config = _fixture.Config(interval: 2);
        var autoAt2 = await CrashAfterTurnThreeAsync(memory, config);

        // A model that answers turn 3 differently this time (as a real model may when its prompt or cache differ).
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working(turn == 3 ? "x3" : $"w{turn}")));
        var second = _fixture.Agent(model, config, new AgentServices { Memory = memory });
        var result = await second.ResumeAsync(autoAt2);

        model.Requests[0].Contains("\"w3\"").Should().BeFalse("the redone turn is asked with memory as the checkpoint knew it");
        var contents = memory.Turns.Select(t => t.Content).ToList();
        contents.Should().NotContain(c => c.Contains("\"w3\""), "turn 3 as the lost process did it never happened in the resumed run");
        contents.Where(c => c.Contains("\"x3\"")).Should().ContainSingle();
        memory.Turns.Select(t => Convert.ToInt32(t.Metadata["entry"])).Should().Equal(Enumerable.Range(0, result.State.Conversation.Count),
            "memory holds each entry of the resumed conversation once, in order");
    }

    // A run whose turn 4 fails: turn 3 reached memory, but the Error checkpoint (turn 3) is ignored, as if the process
    // had died before writing it. Returns the checkpoint of turn 2 to resume from.
    private async Task<string> CrashAfterTurnThreeAsync(InMemoryMemoryBackend memory, AutonomousConfig config)
    {
        var crashing = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn == 4 ? ScriptedReply.Fail(new IOException("process died")) : ScriptedReply.Working($"w{turn}")));
        using var first = _fixture.Agent(crashing, config with { MaxAttempts = 1 }, new AgentServices { Memory = memory });
        await FluentActions.Awaiting(() => first.RunAutonomousAsync("long task", 6)).Should().ThrowAsync<IOException>();
        return (await first.ListCheckpointsAsync()).Single(c => c.Turn == 2).Id;
    }

    [Fact]
    public async Task Runs_sharing_a_memory_session_each_store_their_own_entries_once()
    {
        var memory = new InMemoryMemoryBackend();
        var model = new ScriptedChatClient(new ChatScript()
            .Working("first-a").Complete(new { result = "one" })
            .Working("second-a").Complete(new { result = "two" }));
        var agent = _fixture.Agent(model, services: new AgentServices { Memory = memory });

        var first = await agent.RunAutonomousAsync("first task");
        var second = await agent.RunAutonomousAsync("second task");

        memory.Turns.Should().HaveCount(6);
        memory.Turns.Take(3).Should().OnlyContain(t => (string)t.Metadata["thread"]! == first.ThreadId);
        memory.Turns.Skip(3).Should().OnlyContain(t => (string)t.Metadata["thread"]! == second.ThreadId);
        memory.Turns[3].Content.Should().Be("Task: second task");
        memory.Turns[4].Content.Should().Contain("second-a");
        second.State.MemoryCursor.Should().Be(5);
        second.State.MemoryStoredEntries.Should().Be(3);
        // The second run's own earlier turn reaches its next prompt through the hot tier.
        model.Requests[^1].Messages.Select(m => m.Text).Should().Contain(t => t.Contains("second-a"));
    }

    [Fact]
    public async Task A_resume_ignores_entries_that_other_threads_stored_on_the_same_session()
    {
        var memory = new InMemoryMemoryBackend();
        var config = _fixture.Config(interval: 2);
        var autoAt2 = await CrashAfterTurn3Async(memory, config);
        // Another run on the same session writes entries whose numbers overlap the ones the resume still has to store.
        var other = _fixture.Agent(new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working($"other{turn}"))), config, new AgentServices { Memory = memory });
        var otherRun = await other.RunAutonomousAsync("other task", 6);

        var resumed = await ResumeAsync(memory, config, autoAt2);

        ContentsOf(memory, resumed.ThreadId).Should().Equal(ExpectedThread());
        ContentsOf(memory, otherRun.ThreadId).Should().HaveCount(7);
        resumed.State.MemoryCursor.Should().Be(memory.Turns.Count - 1);
    }

    [Fact]
    public async Task A_resume_finds_its_crashed_entries_behind_many_turns_of_other_threads()
    {
        var memory = new InMemoryMemoryBackend();
        var config = _fixture.Config(interval: 2);
        var autoAt2 = await CrashAfterTurn3Async(memory, config);
        for (var i = 0; i < 300; i++)
            await memory.StoreTurnAsync("user", $"noise {i}", DateTimeOffset.UnixEpoch, new Dictionary<string, object?> { ["thread"] = "elsewhere", ["entry"] = i });

        var resumed = await ResumeAsync(memory, config, autoAt2);

        ContentsOf(memory, resumed.ThreadId).Should().Equal(ExpectedThread());
    }

    // Turns 1-3 reach memory, turn 4 fails; the Error checkpoint at turn 3 is ignored, as if the process had died first.
    private async Task<string> CrashAfterTurn3Async(InMemoryMemoryBackend memory, AutonomousConfig config)
    {
        var crashing = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn == 4 ? ScriptedReply.Fail(new IOException("process died")) : ScriptedReply.Working($"w{turn}")));
        using var first = new AutonomousAgent(config with { MaxAttempts = 1 }, services: new AgentServices { ChatClient = crashing, Memory = memory });
        await FluentActions.Awaiting(() => first.RunAutonomousAsync("long task", 6)).Should().ThrowAsync<IOException>();
        return (await first.ListCheckpointsAsync()).Single(c => c.Turn == 2).Id;
    }

    private async Task<AgentRunResult> ResumeAsync(InMemoryMemoryBackend memory, AutonomousConfig config, string checkpointId)
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working($"w{turn}")));
        var result = await _fixture.Agent(model, config, new AgentServices { Memory = memory }).ResumeAsync(checkpointId);
        result.Turns.Should().Be(6);
        return result;
    }

    private static List<string> ContentsOf(InMemoryMemoryBackend memory, string threadId) =>
        memory.Turns.Where(t => Equals(t.Metadata.GetValueOrDefault("thread"), threadId)).Select(t => t.Content).ToList();

    private static List<string> ExpectedThread() =>
        ["Task: long task", .. Enumerable.Range(1, 6).Select(turn => AgentReplyProtocol.FormatWorking($"w{turn}"))];
}
