using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Reqnroll;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Planning;

/// <summary>
/// Steps about planning: a planner model (scripted) writes and revises plans, and every step runs as a real run of
/// the agent loop (<see cref="AgentStepExecutor"/>), whose scripted model answers with the step's expected outcome.
/// </summary>
[Binding]
public sealed class PlanningSteps(AgentWorld world)
{
    private readonly PlanningAgentOptions _options = new();
    private readonly List<IReadOnlyList<PlannedStep>> _plans = [];
    private readonly Dictionary<string, string> _failingActions = new(StringComparer.Ordinal);
    private readonly List<(int Number, string Description, bool Succeeded)> _executed = [];
    private readonly List<(string Description, string Prompt)> _stepPromptsSeenByModel = [];
    private readonly InMemoryToolAuditLog _audit = new();
    private bool _everyPlanFails;
    private PlanningResult? _result;
    private Plan? _madePlan;

    [Given("a planning agent")]
    public void GivenPlanningAgent() => _options.MaxReplans = 3;

    [Given("a planning agent that may replan at most {int} times")]
    public void GivenMaxReplans(int replans) => _options.MaxReplans = replans;

    [Given("a planning agent that saves a checkpoint after every step")]
    public void GivenCheckpointEveryStep() => world.Config = world.Config with { EnableCheckpoints = true, CheckpointInterval = 1 };

    [Given("the model plans {string} as:")]
    public void ModelPlans(string goal, DataTable plan) => _plans.Add(Steps(plan));

    [Given("after the failure the model revises the plan to:")]
    public void ModelRevises(DataTable plan) => _plans.Add(Steps(plan));

    [Given("step {int} fails with {string}")]
    public void StepFails(int number, string error) =>
        _failingActions[_plans[0][number - 1].Description] = error;

    [Given("every plan the model proposes fails at its first step")]
    public void EveryPlanFails() => _everyPlanFails = true;

    [When("the planning agent works on {string}")]
    public async Task Work(string goal) => _result = await BuildPlanningAgent().RunAsync(goal);

    [When("the planning agent makes a plan for {string}")]
    public async Task MakePlan(string goal)
    {
        if (_plans.Count == 0)
            _plans.Add([new("Collect the week's data", "the data"), new("Write the report", "a status report")]);
        var steps = await new Planner(world.ChatClient(PlannerScript())).CreateAsync(goal);
        _madePlan = Plan.Create(goal, steps);
    }

    [Then("the plan has {int} steps")]
    public void PlanHasSteps(int count) => (_result?.Plan ?? _madePlan)!.Steps.Should().HaveCount(count);

    [Then("the plan has at least {int} step")]
    public void PlanHasAtLeast(int count) => _madePlan!.Steps.Should().HaveCountGreaterThanOrEqualTo(count);

    [Then("every step has an action")]
    public void EveryStepHasAction() => _madePlan!.Steps.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Description));

    [Then("the steps were completed in order {}")]
    public void CompletedInOrder(string order)
    {
        var expected = order.Split(',').Select(n => int.Parse(n.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        _executed.Where(e => e.Succeeded).Select(e => e.Number).Should().Equal(expected);
        _result!.Succeeded.Should().BeTrue(_result.FailureReason);
    }

    [Then("the result contains {string}")]
    public void ResultContains(string text) => _result!.FinalOutput.Should().Contain(text);

    [Then("the agent replanned {int} time, because {string}")]
    public void Replanned(int times, string because)
    {
        _result!.Plan.ReplanCount.Should().Be(times);
        _result.Plan.Failures.Should().ContainSingle().Which.Error.Should().Contain(because);
    }

    [Then("step {int} was completed only once")]
    public void CompletedOnce(int number)
    {
        var description = _plans[0][number - 1].Description;
        _executed.Count(e => e.Description == description).Should().Be(1, "a completed step is kept, not run again after replanning");
    }

    [Then("the run completes successfully with the revised plan")]
    public void CompletesWithRevisedPlan()
    {
        _result!.Succeeded.Should().BeTrue(_result.FailureReason);
        _result.Plan.Revision.Should().Be(2);
        _result.Plan.IsComplete.Should().BeTrue();
        _result.Plan.Steps.Select(s => s.Description).Should().Equal(_plans[1].Select(s => s.Description));
    }

    [Then("the run fails after {int} replans")]
    public void FailsAfter(int replans)
    {
        _result!.Succeeded.Should().BeFalse();
        _result.Plan.ReplanCount.Should().Be(replans);
        _result.FailureReason.Should().Contain("replan budget");
    }

    [Then("the failure names every reason a step failed")]
    public void FailureNamesReasons()
    {
        var reasons = _result!.Plan.Failures.Select(f => f.Error).Append(_result.FailureReason!).ToList();
        for (var attempt = 1; attempt <= _options.MaxReplans + 1; attempt++)
            reasons.Should().Contain(r => r.Contains($"connection refused (attempt {attempt})", StringComparison.Ordinal));
    }

    [Then("every step after the first was given the result of the step before it")]
    public void EachStepGivenPrevious()
    {
        var plan = _result!.Plan;
        foreach (var step in plan.Steps.Skip(1))
        {
            var previous = plan.Steps.Single(s => s.Number == step.Number - 1);
            _stepPromptsSeenByModel.Where(p => p.Description == step.Description).Should().NotBeEmpty()
                .And.OnlyContain(p => p.Prompt.Contains(previous.Output!, StringComparison.Ordinal),
                    "step {0} must see the result of step {1} ({2})", step.Number, previous.Number, previous.Output);
        }
    }

    [Then("the checkpoint of the last step holds the whole plan, with steps {int} to {int} completed")]
    public async Task LastCheckpointHoldsPlan(int first, int last)
    {
        var latest = (await world.CheckpointsAsync())[^1];
        var state = (await world.Agent!.Checkpoints.LoadAsync(latest.Id)).State;
        state.Extensions.Should().ContainKey(Plan.CheckpointKey);
        var plan = Plan.FromJson(state.Extensions[Plan.CheckpointKey]);
        plan.Steps.Should().HaveCount(_plans[0].Count);
        plan.Steps.Where(s => s.Status == PlanStepStatus.Succeeded).Select(s => s.Number).Should().Equal(Enumerable.Range(first, last - first + 1));
    }

    private PlanningAgent BuildPlanningAgent()
    {
        var registry = new ToolRegistry();
        foreach (var (action, error) in _failingActions)
            registry.Register(AIFunctionFactory.Create(() => ThrowFor(error), ToolName(action), $"Does: {action}"), DangerLevel.Safe);
        if (_everyPlanFails)
            registry.Register(AIFunctionFactory.Create((int attempt) => ThrowFor($"connection refused (attempt {attempt})"), "connect", "Connects to the server"), DangerLevel.Safe);
        world.Tools = new ToolExecutor(registry, audit: _audit);
        var agent = world.BuildAgent("planner-worker", world.Config with { MaxTurns = 3 }, StepScript());
        var steps = new AgentStepExecutor(agent, maxTurnsPerStep: 3);
        // The agent loop reports only that a step did not complete; the cause the replanner needs is the tool's
        // error, which the executor's audit log recorded for this step.
        var executor = new DelegateStepExecutor(async (request, ct) =>
        {
            var before = _audit.Entries.Count;
            var outcome = await steps.ExecuteAsync(request, ct);
            var toolError = _audit.Entries.Skip(before).LastOrDefault(e => e.Decision == ToolAuditDecision.Failed)?.Detail;
            if (!outcome.Succeeded && toolError is not null) outcome = StepOutcome.Failure(toolError, outcome.Output);
            lock (_executed) _executed.Add((request.Step.Number, request.Step.Description, outcome.Succeeded));
            return outcome;
        });
        return new PlanningAgent(world.ChatClient(PlannerScript()), executor, _options);
    }

    private ChatScript PlannerScript() => new ChatScript().Otherwise(request =>
    {
        if (_everyPlanFails)
        {
            var attempt = request.Contains("failed:") ? CountFailures(request) + 1 : 1;
            return PlanReply([new PlannedStep($"Connect to the server, attempt {attempt}", "a connection")]);
        }
        var revision = request.Contains("Write a revised plan") ? 1 : 0;
        var plan = _plans[Math.Min(revision, _plans.Count - 1)];
        // A revision lists only the steps still needed: the completed ones are kept by the plan itself.
        var remaining = revision == 0 ? plan : plan.Where(s => !CompletedIn(request, s.Description)).ToList();
        return PlanReply(remaining);
    });

    private ChatScript StepScript() => ChatScript.ByTurn((turn, request) =>
    {
        if (StepPrompt.Of(request) is not var (number, description))
            return ScriptedReply.Complete(new { result = "nothing to do" });
        lock (_stepPromptsSeenByModel) _stepPromptsSeenByModel.Add((description, StepPrompt.TextOf(request)));
        if (_everyPlanFails)
        {
            var attempt = int.Parse(description[(description.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            return turn == 1 ? ScriptedReply.CallTool("connect", new { attempt }) : ScriptedReply.Working("The server does not answer; I cannot finish this step.");
        }
        if (_failingActions.ContainsKey(description))
            return turn == 1 ? ScriptedReply.CallTool(ToolName(description)) : ScriptedReply.Working("That did not work; I cannot finish this step.");
        var expected = _plans.SelectMany(p => p).First(s => s.Description == description).ExpectedOutcome;
        return ScriptedReply.Complete(new { result = $"{expected} (step {number})" });
    });

    private static bool CompletedIn(ScriptedRequest request, string description)
    {
        var text = StepPrompt.TextOf(request);
        var start = text.IndexOf("Completed steps", StringComparison.Ordinal);
        var end = text.IndexOf("failed:", StringComparison.Ordinal);
        return start >= 0 && end > start && text[start..end].Contains(description, StringComparison.Ordinal);
    }

    private static int CountFailures(ScriptedRequest request)
    {
        var text = StepPrompt.TextOf(request);
        var marker = "attempt ";
        var at = text.LastIndexOf("Step 1 failed: Connect to the server, " + marker, StringComparison.Ordinal);
        return at < 0 ? 0 : int.Parse(text[(at + "Step 1 failed: Connect to the server, ".Length + marker.Length)..].Split('\n')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ScriptedReply PlanReply(IEnumerable<PlannedStep> steps) => ScriptedReply.Json(new
    {
        steps = steps.Select(s => new { description = s.Description, expected_outcome = s.ExpectedOutcome }),
    });

    private static IReadOnlyList<PlannedStep> Steps(DataTable table) =>
        table.Rows.Select(r => new PlannedStep(r["action"], r["expected outcome"])).ToList();

    private static string ToolName(string action) =>
        new string(action.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');

    private static string ThrowFor(string error) => throw new ToolRefusedException(error);
}
