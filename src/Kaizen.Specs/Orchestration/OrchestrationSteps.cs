using Kaizen.Agents;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Reqnroll;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Orchestration;

/// <summary>
/// Steps about the meta-controller routing tasks between real agents (each an <see cref="AutonomousAgent"/> with its
/// own data folder and scripted model), recovering from failing ones and running tasks in parallel.
/// </summary>
[Binding]
public sealed class OrchestrationSteps(AgentWorld world, OrchestrationWorld orchestration, ModelProvider provider)
{
    private readonly List<ITaskAgent> _agents = [];
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private MetaControllerOptions Options => orchestration.Options;

    private ConcurrencyProbe Probe => orchestration.Probe;
    private TaskOutcome? _outcome;
    private IReadOnlyList<TaskOutcome> _outcomes = [];
    private IReadOnlyList<string> _taskTexts = [];

    [Given("a meta-controller with these agents:")]
    public void WithAgents(DataTable agents)
    {
        foreach (var row in agents.Rows)
            AddAgent(row["agent"], row["capabilities"].Split(',').Select(c => c.Trim()));
    }

    [Given("the agent {string} fails with {string}")]
    public void AgentFails(string agent, string error) => _failures[agent] = error;

    [Given("a meta-controller that runs at most {int} tasks at once")]
    [Given("a meta-controller running at most {int} tasks at once")]
    public void MaxConcurrency(int max) => Options.MaxConcurrency = max;

    [Given("{int} agents able to do {string}")]
    public void AgentsAbleTo(int count, string capability)
    {
        for (var i = 1; i <= count; i++) AddAgent($"worker-{i}", [capability]);
    }

    [When("the meta-controller receives the task {string} needing {string}")]
    public async Task Receives(string task, string capability) =>
        _outcome = await Controller().RunAsync(new AgentTask("task-1", task) { RequiredCapabilities = [capability] });

    [When("the meta-controller runs these tasks:")]
    public async Task RunsTasks(DataTable tasks)
    {
        _taskTexts = tasks.Rows.Select(r => r["task"]).ToList();
        var capability = _agents[0].Capabilities.First();
        Probe.ExpectPeers(Options.MaxConcurrency, _taskTexts.Count);
        _outcomes = await Controller().RunAllAsync(_taskTexts.Select((t, i) => new AgentTask($"task-{i + 1}", t) { RequiredCapabilities = [capability] }));
    }

    [Then("the task is routed to the {string} agent")]
    public void RoutedTo(string agent)
    {
        _outcome!.AgentName.Should().Be(agent, "routing reason: {0}", _outcome.RoutingReason);
        _outcome.Attempts.Should().ContainSingle().Which.AgentName.Should().Be(agent);
    }

    [Then("the result comes from the {string} agent")]
    public void ResultFrom(string agent)
    {
        _outcome!.Succeeded.Should().BeTrue(_outcome.FailureReason);
        world.Events.OfType<RunFinished>().Select(e => e.AgentId).Should().Equal([agent], "only the chosen agent ran the task");
    }

    [Then("the task is completed by {string}")]
    public void CompletedBy(string agent)
    {
        _outcome!.Succeeded.Should().BeTrue(_outcome.FailureReason);
        _outcome.AgentName.Should().Be(agent);
    }

    [Then("the task's history shows {string} failed with {string}")]
    public void HistoryShows(string agent, string error) =>
        _outcome!.Attempts.Should().Contain(a => a.AgentName == agent && !a.Succeeded && a.Error!.Contains(error),
            "attempts: {0}", string.Join("; ", _outcome.Attempts.Select(a => $"{a.AgentName}: {(a.Succeeded ? "ok" : a.Error)}")));

    [Then("the task fails with a message naming {string} and {string}")]
    public void FailsNaming(string agent, string error)
    {
        _outcome!.Succeeded.Should().BeFalse();
        _outcome.FailureReason.Should().Contain(agent).And.Contain(error);
    }

    [Then("all {int} tasks complete")]
    public void AllComplete(int count)
    {
        _outcomes.Should().HaveCount(count);
        _outcomes.Should().OnlyContain(o => o.Succeeded, "failures: {0}", string.Join("; ", _outcomes.Where(o => !o.Succeeded).Select(o => o.FailureReason)));
    }

    [Then("at no moment were more than {int} tasks running")]
    public void NeverMoreThan(int max) => Probe.MaxRunning.Should().BeLessThanOrEqualTo(max);

    [Then("at some moment {int} tasks were running at once")]
    public void AtSomeMoment(int count) => Probe.MaxRunning.Should().Be(count);

    [Then("the tasks were shared among the agents")]
    public void SharedAmongAgents() =>
        _outcomes.Select(o => o.AgentName).Distinct().Should().HaveCountGreaterThan(1,
            "{0} capable agents were idle; tasks went to: {1}", _agents.Count, string.Join(", ", _outcomes.Select(o => $"{o.TaskId}->{o.AgentName}")));

    [Then("the results are in the order of the tasks")]
    public void ResultsInOrder()
    {
        _outcomes.Select(o => o.TaskId).Should().Equal(_taskTexts.Select((_, i) => $"task-{i + 1}"));
        _outcomes.Zip(_taskTexts).Should().OnlyContain(pair => pair.First.Output!.Contains(pair.Second, StringComparison.Ordinal),
            "each result answers its own task");
    }

    private MetaController Controller()
    {
        var controller = new MetaController(Options);
        foreach (var agent in _agents) controller.Register(agent);
        return controller;
    }

    private void AddAgent(string name, IEnumerable<string> capabilities)
    {
        var script = new ChatScript().Otherwise(request =>
        {
            if (_failures.TryGetValue(name, out var error)) return ScriptedReply.Fail(new HttpRequestException(error));
            var task = request.Messages.First(m => m.Role == ChatRole.User).Text;
            return Probe.Work(() => ScriptedReply.Complete(new { result = $"{name} finished: {task}" }));
        });
        // The scripted model answers in one turn; a real model may need a few to produce its final JSON.
        var turns = provider.IsScripted ? 3 : 10;
        var agent = world.BuildAgent(name, world.ConfigFor(name) with { MaxTurns = turns }, script);
        ITaskAgent taskAgent = new AutonomousTaskAgent(name, capabilities, agent, maxTurns: turns);
        _agents.Add(new AsynchronousTaskAgent(taskAgent));
    }
}
