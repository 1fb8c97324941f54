using Kaizen.Agents.Memory;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Steps about how an agent's prompt draws on the three memory tiers: the newest turns as messages, the warm window
/// as a transcript in the system prompt, and cold turns found by meaning as relevant memories. The expected turns are
/// read back from the session through the library, the prompt from what the library sent to the model.
/// </summary>
[Binding]
public sealed class MemoryPromptSteps(AgentWorld agents, MemoryWorld memory, ModelTranscript transcript)
{
    private const string RecallingAgent = "recalling-agent";
    private const string WarmHeading = "Earlier in this session:";
    private const string ColdHeading = "Relevant memories:";
    private IReadOnlyList<MemoryTurn> _before = [];
    private MemoryTurn? _task;

    [When("a new agent on the session {string} keeping {int} hot turns, a warm window of {int} and {int} cold results works on {string} for at most {int} turn(s)")]
    public async Task AgentWithTierSizesWorks(string session, int hot, int warm, int cold, string task, int turns)
    {
        agents.Memory = memory.Session(session);
        var config = agents.ConfigFor(RecallingAgent) with { MemoryHotTurns = hot, MemoryWarmWindow = warm, MemoryColdResults = cold };
        agents.BuildAgent(RecallingAgent, config);
        await agents.RunAsync(task, turns);

        var stored = await StoredTurns.AllAsync(memory.Session(session));
        var taskIndex = stored.ToList().FindIndex(t => t.Metadata.TryGetValue("agent", out var id) && Equals(id?.ToString(), RecallingAgent));
        taskIndex.Should().BePositive("the run stores its task in the session after the earlier turns");
        _task = stored[taskIndex];
        _before = stored.Take(taskIndex).ToList();
    }

    [Then("its first request carried the task and, after it, the {int} turns stored just before it, oldest first")]
    public void HotTurnsAsMessages(int count)
    {
        var messages = FirstRequest().Request.Skip(1).Select(m => m.Text).ToList();
        var expected = _before.TakeLast(count).Select(t => t.Content).Prepend(_task!.Content);
        messages.Should().Equal(expected, "the newest turns of the session (the task among them) are sent as messages");
    }

    [Then("its system prompt listed the {int} turns stored before those under {string}, oldest first")]
    public void WarmTurnsInSystemPrompt(int count, string heading)
    {
        heading.Should().Be(WarmHeading);
        var hotCount = FirstRequest().Request.Count - 2;
        var expected = _before.SkipLast(hotCount).TakeLast(count).Select(t => $"{t.Role}: {t.Content}");
        Section(WarmHeading).Should().Equal(expected, "the warm window minus what is already sent as messages");
    }

    [Then("its system prompt recalled {string} under {string}")]
    public void ColdTurnRecalled(string content, string heading)
    {
        heading.Should().Be(ColdHeading);
        var recalled = Section(ColdHeading);
        recalled.Count.Should().BeLessThanOrEqualTo(agents.Agent!.Config.MemoryColdResults, "no more cold results than configured");
        recalled.Should().Contain(line => line.EndsWith(") " + content, StringComparison.Ordinal),
            "the old turn most like the task is found by meaning");
    }

    [Then("no stored turn reached that request twice")]
    public void NoTurnTwice()
    {
        var request = FirstRequest();
        var text = string.Join("\n", request.Request.Select(m => m.Text));
        foreach (var turn in _before.Where(t => t.Content.Length > 0))
        {
            var first = text.IndexOf(turn.Content, StringComparison.Ordinal);
            if (first >= 0) text.IndexOf(turn.Content, first + turn.Content.Length, StringComparison.Ordinal)
                .Should().Be(-1, "turn {0} (\"{1}\") is in the prompt once", turn.Sequence, turn.Content);
        }
    }

    private ModelExchange FirstRequest() =>
        transcript.Of(RecallingAgent).Should().NotBeEmpty("the agent asked the model").And.Subject.First();

    // The lines of one section of the system prompt: from its heading to the next heading or the end.
    private List<string> Section(string heading)
    {
        var lines = FirstRequest().Request[0].Text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf(heading);
        start.Should().BeGreaterThanOrEqualTo(0, "the system prompt has a \"{0}\" section", heading);
        return lines.Skip(start + 1).TakeWhile(l => l is not (WarmHeading or ColdHeading) && l.Length > 0).ToList();
    }
}
