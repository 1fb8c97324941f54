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
public sealed class OrchestrationSteps(AgentWorld world, OrchestrationWorld orchestration, ModelProvider provider, ModelTranscript transcript)
{
    private readonly List<ITaskAgent> _agents = [];
    private readonly List<(string Name, IReadOnlyList<string> Capabilities)> _declared = [];
    private readonly Dictionary<string, string> _unreachable = new(StringComparer.Ordinal);
    private MetaControllerOptions Options => orchestration.Options;

    private ConcurrencyProbe Probe => orchestration.Probe;
    private TaskOutcome? _outcome;
    private IReadOnlyList<TaskOutcome> _outcomes = [];
    private IReadOnlyList<string> _taskTexts = [];
    private ArgumentException? _refusal;

    [Given("a meta-controller with these agents:")]
    public void WithAgents(DataTable agents)
    {
        foreach (var row in agents.Rows)
            _declared.Add((row["agent"], row["capabilities"].Split(',').Select(c => c.Trim()).ToList()));
    }

    [Given("the model server of {string} cannot be reached")]
    public void ServerUnreachable(string agent)
    {
        // A real outage: an Ollama endpoint on a loopback port that nothing listens on (connection refused).
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _unreachable[agent] = $"http://127.0.0.1:{port}";
    }

    [Given("a meta-controller that runs at most {int} tasks at once")]
    [Given("a meta-controller running at most {int} tasks at once")]
    public void MaxConcurrency(int max) => Options.MaxConcurrency = max;

    [Given("{int} agents able to do {string}")]
    public void AgentsAbleTo(int count, string capability)
    {
        for (var i = 1; i <= count; i++) _declared.Add(($"worker-{i}", [capability]));
    }

    [When("the meta-controller receives the task {string} needing {string}")]
    public async Task Receives(string task, string capability) =>
        _outcome = await Controller().RunAsync(new AgentTask("task-1", task) { RequiredCapabilities = [capability] });

    [When("the meta-controller runs these tasks:")]
    public async Task RunsTasks(DataTable tasks)
    {
        _taskTexts = tasks.Rows.Select(r => r["task"]).ToList();
        var capability = _declared[0].Capabilities[0];
        Probe.ExpectPeers(Options.MaxConcurrency, _taskTexts.Count);
        _outcomes = await Controller().RunAllAsync(_taskTexts.Select((t, i) => new AgentTask($"task-{i + 1}", t) { RequiredCapabilities = [capability] }));
    }

    [When("the meta-controller runs these tasks, each after the ones it depends on:")]
    public async Task RunsDependentTasks(DataTable tasks)
    {
        var capability = _declared[0].Capabilities[0];
        var batch = tasks.Rows.Select(r => new AgentTask(r["id"], r["task"])
        {
            RequiredCapabilities = [capability],
            DependsOn = r["depends on"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        }).ToList();
        _taskTexts = batch.Select(t => t.Description).ToList();
        try
        {
            _outcomes = await Controller().RunAllAsync(batch);
        }
        catch (ArgumentException ex)
        {
            _refusal = ex;
        }
    }

    [Then("{string} was handed the result of {string}, or did not run because {string} failed")]
    public void HandedResult(string later, string earlier, string _)
    {
        var first = _outcomes.Single(o => o.TaskId == earlier);
        var second = _outcomes.Single(o => o.TaskId == later);
        if (!first.Succeeded)
        {
            second.Succeeded.Should().BeFalse();
            second.Attempts.Should().BeEmpty("a task whose dependency failed never reaches an agent");
            second.FailureReason.Should().Contain($"dependency '{earlier}' failed");
            return;
        }
        first.Output.Should().NotBeNull();
        second.Attempts.Should().NotBeEmpty();
        transcript.Of(second.Attempts[0].AgentName).Should().Contain(e =>
                e.RequestText.Contains("Results of the tasks this one builds on:", StringComparison.Ordinal)
                && e.RequestText.Contains($"- {earlier}: {first.Output!.Trim()}", StringComparison.Ordinal),
            "{0} starts only once {1} has a result, and is given that result", later, earlier);
    }

    [Then("the batch is refused, naming the cycle {string}")]
    public void BatchRefused(string cycle)
    {
        _refusal.Should().NotBeNull("tasks that wait for each other can never start");
        _refusal!.Message.Should().Contain(cycle);
    }

    [Then("no agent worked on any task")]
    public void NoAgentWorked() => world.Events.OfType<TurnStarted>().Should().BeEmpty("nothing starts from a batch that cannot finish");

    [Then("the task is routed to the {string} agent")]
    public void RoutedTo(string agent)
    {
        _outcome!.Attempts.Should().NotBeEmpty("routing reason: {0}", _outcome.RoutingReason)
            .And.Subject.First().AgentName.Should().Be(agent, "routing reason: {0}", _outcome.RoutingReason);
    }

    [Then("only the {string} agent worked on it")]
    public void OnlyAgentWorked(string agent)
    {
        world.Events.OfType<TurnStarted>().Select(e => e.AgentId).Distinct().Should().Equal([agent], "the task went to {0} alone", agent);
        _outcome!.Attempts.Select(a => a.AgentName).Distinct().Should().Equal([agent],
            "a task an agent could not finish may be retried only by another capable agent, and no other agent here has that capability");
    }

    [Then("the task is completed by {string}")]
    public void CompletedBy(string agent)
    {
        _outcome!.Succeeded.Should().BeTrue(_outcome.FailureReason);
        _outcome.AgentName.Should().Be(agent);
    }

    [Then("the task's history shows {string} failed because its model server could not be reached")]
    public void HistoryShowsUnreachable(string agent) =>
        _outcome!.Attempts.Should().Contain(a => a.AgentName == agent && !a.Succeeded && a.Error!.Contains("Cannot reach Ollama at " + _unreachable[agent]),
            "attempts: {0}", string.Join("; ", _outcome.Attempts.Select(a => $"{a.AgentName}: {(a.Succeeded ? "ok" : a.Error)}")));

    [Then("the task fails with a message naming {string} and its unreachable model server")]
    public void FailsNaming(string agent)
    {
        _outcome!.Succeeded.Should().BeFalse();
        _outcome.FailureReason.Should().Contain(agent).And.Contain(_unreachable[agent]);
    }

    [Then("all {int} tasks complete")]
    public void AllComplete(int count)
    {
        _outcomes.Should().HaveCount(count);
        _outcomes.Should().OnlyContain(o => o.Succeeded, "failures: {0}", string.Join("; ", _outcomes.Where(o => !o.Succeeded).Select(o => o.FailureReason)));
    }

    [Then("each of the {int} tasks was worked on by a capable agent")]
    public void EachWorkedOn(int count)
    {
        // Whether the model finished a task is its own affair; that each task reached an agent is the controller's.
        _outcomes.Should().HaveCount(count);
        _outcomes.Should().OnlyContain(o => o.Attempts.Count > 0, "outcomes: {0}", string.Join("; ", _outcomes.Select(o => $"{o.TaskId}: {o.FailureReason}")));
    }

    [Then("the task was retried on {string}")]
    public void RetriedOn(string agent) =>
        _outcome!.Attempts.Select(a => a.AgentName).Should().HaveCountGreaterThan(1).And.Subject.ElementAt(1).Should().Be(agent,
            "attempts: {0}", string.Join("; ", _outcome.Attempts.Select(a => $"{a.AgentName}: {(a.Succeeded ? "ok" : a.Error)}")));

    [Then("at no moment were more than {int} tasks running")]
    public void NeverMoreThan(int max) => Probe.MaxRunning.Should().BeLessThanOrEqualTo(max);

    [Then("at some moment {int} tasks were running at once")]
    public void AtSomeMoment(int count) => Probe.MaxRunning.Should().Be(count);

    [Then("each task went to a different agent, the least busy of the equally able ones")]
    public void EachToLeastBusy()
    {
        var first = _outcomes.Select(o => o.Attempts[0].AgentName).ToList();
        first.Should().OnlyHaveUniqueItems("{0} capable agents were free and none had been given a task yet; tasks went to: {1}",
            _agents.Count, string.Join(", ", _outcomes.Select(o => $"{o.TaskId}->{o.AgentName}")));
        foreach (var outcome in _outcomes)
            outcome.RoutingReason.Should().Contain($"{outcome.Attempts[0].AgentName} tried first as the least busy of the equally ranked",
                "the meta-controller says why {0} went where it went", outcome.TaskId);
    }

    [Then("the results are in the order of the tasks")]
    public void ResultsInOrder()
    {
        _outcomes.Select(o => o.TaskId).Should().Equal(_taskTexts.Select((_, i) => $"task-{i + 1}"));
        foreach (var (outcome, task) in _outcomes.Zip(_taskTexts))
            transcript.Of(outcome.Attempts[^1].AgentName).Should().Contain(e => e.RequestText.Contains("Task: " + task, StringComparison.Ordinal),
                "the result of {0} comes from {1}'s run on that task", outcome.TaskId, outcome.AgentName);
    }

    private MetaController Controller()
    {
        foreach (var (name, capabilities) in _declared) AddAgent(name, capabilities);
        _declared.Clear();
        var controller = new MetaController(Options);
        foreach (var agent in _agents) controller.Register(agent);
        return controller;
    }

    private void AddAgent(string name, IEnumerable<string> capabilities)
    {
        var script = new ChatScript().Otherwise(request =>
            ScriptedReply.Complete(new { result = $"{name} finished: {request.Messages.First(m => m.Role == ChatRole.User).Text}" }));
        // The scripted model answers in one turn; a real model may need a few to produce its final JSON.
        var turns = provider.IsScripted ? 3 : 4;
        var config = world.ConfigFor(name) with { MaxTurns = turns };
        if (_unreachable.TryGetValue(name, out var endpoint))
            config = config with { Provider = LlmProviders.Ollama, Endpoint = endpoint, MaxAttempts = 1 };
        var agent = world.BuildAgent(name, config, script);
        _agents.Add(new ObservedTaskAgent(new AutonomousTaskAgent(name, capabilities, agent, maxTurns: turns), Probe));
    }
}
