using System.Text.Json;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Routing;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Orchestration;

/// <summary>
/// The model-assisted router (<see cref="LlmTaskRouter"/>) on the scenario's model: which agents it asks the model
/// about, and whether the agent the model named is the one the task goes to.
/// </summary>
[Binding]
public sealed class ModelRoutingSteps(AgentWorld world, ModelTranscript transcript)
{
    private readonly List<ITaskAgent> _agents = [];
    private RoutingDecision? _decision;
    private int _routed;

    [Given("the agents {string} and {string} do {string}, and {string} does {string}")]
    public void Agents(string first, string second, string shared, string third, string own)
    {
        _agents.Add(Agent(first, shared));
        _agents.Add(Agent(second, shared));
        _agents.Add(Agent(third, own));
    }

    [When("the model-assisted router routes {string} needing {string}")]
    public async Task Route(string description, string capability)
    {
        // The reply for the quick run on the scripted model (KAIZEN_LLM_PROVIDER=scripted); a real model chooses itself.
        var model = world.ChatClient(ChatScript.ByTurn((_, _) => ScriptedReply.Json(new { agent = "editor", reason = "edits copy" })));
        var task = new AgentTask($"task-{++_routed}", description) { RequiredCapabilities = [capability] };
        _decision = await new LlmTaskRouter(model).RouteAsync(task, _agents);
    }

    [Then("the model was asked once, with {string} and {string} as the only candidates")]
    public void AskedOnceAbout(string first, string second)
    {
        var asked = transcript.Exchanges.Should().ContainSingle().Subject;
        var candidates = asked.RequestText.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Split(':')[0]);
        candidates.Should().BeEquivalentTo([first, second], "only the agents that can do the task are offered");
    }

    [Then("the task goes first to the agent the model named, and the reason says the model chose it")]
    public void GoesToNamedAgent()
    {
        using var reply = JsonDocument.Parse(transcript.Exchanges[^1].Response.Text);
        var named = reply.RootElement.GetProperty("agent").GetString();
        _decision!.Candidates[0].Name.Should().Be(named, "the model named {0}", named);
        _decision.Reason.Should().StartWith($"LLM router chose {named}");
        _decision.Candidates.Should().HaveCount(2, "the other writer stays as the fallback");
    }

    [Then("the task goes to {string} and the model was not asked again")]
    public void GoesToOnlyCandidate(string agent)
    {
        _decision!.Candidates.Select(a => a.Name).Should().Equal(agent);
        transcript.Exchanges.Should().HaveCount(1, "with one agent able to do the task there is nothing to ask");
    }

    private static DelegateTaskAgent Agent(string name, string capability) =>
        new(name, [capability], (_, _) => throw new InvalidOperationException("routing only: no task runs in this scenario"));
}
