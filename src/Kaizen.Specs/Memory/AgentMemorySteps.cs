using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>Steps about an agent's run writing to and reading from its memory session (the memory bridge of the agent loop).</summary>
[Binding]
public sealed class AgentMemorySteps(AgentWorld agents, MemoryWorld memory, ModelTranscript transcript)
{
    private const string LaterAgent = "later-agent";
    private AgentRunResult? _earlier;

    [Given("an agent that remembers its work in the session {string}")]
    public void AgentWithMemory(string session) => agents.Memory = memory.Session(session);

    [Then("the session {string} holds the run's conversation in order")]
    public async Task SessionHoldsConversation(string session)
    {
        var conversation = agents.RequireResult().State.Conversation;
        var stored = await StoredTurns.AllAsync(memory.Session(session));
        stored.Select(t => t.Role).Should().Equal(conversation.Select(c => c.Role), "one memory turn per conversation entry, in order");
        foreach (var (turn, entry) in stored.Zip(conversation).Where(p => p.Second.Calls is null && p.Second.Result is null))
            turn.Content.Should().Be(entry.Text);
    }

    [When("a new agent on the session {string} works on {string} for at most {int} turns")]
    public async Task NewAgentWorks(string session, string task, int turns)
    {
        _earlier = agents.RequireResult();
        agents.Memory = memory.Session(session);
        agents.BuildAgent(LaterAgent, agents.ConfigFor(LaterAgent));
        await agents.RunAsync(task, turns);
    }

    [Then("the new agent's first request to the model carried the earlier run's turns")]
    public void FirstRequestCarriedEarlierTurns()
    {
        var first = transcript.Of(LaterAgent).Should().NotBeEmpty().And.Subject.First().RequestText;
        foreach (var entry in _earlier!.State.Conversation.Where(c => c.Role == ConversationEntry.AssistantRole && c.Text.Length > 0))
            first.Should().Contain(entry.Text, "the earlier run's answer of turn {0} is recalled from memory", entry.Turn);
        first.Should().Contain(_earlier.State.Task);
    }
}
