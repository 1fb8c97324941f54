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
public sealed class PlanningSteps(AgentWorld world, ModelTranscript transcript)
{
    private const string WorkerId = "planner-worker";
    private readonly PlanningAgentOptions _options = new();
    private readonly List<IReadOnlyList<PlannedStep>> _plans = [];
    private bool _planInProse;
    private readonly Dictionary<string, string> _failingActions = new(StringComparer.Ordinal);
    private readonly List<(int Revision, int Number, string Description, bool Succeeded, string? Output)> _executed = [];
    private readonly List<Plan> _planVersions = [];
    private string? _outage;
    private bool _outageHappened;
    private Plan? _planAtOutage;
    private readonly List<(string Description, string Prompt)> _stepPromptsSeenByModel = [];
    private bool _everyPlanFails;
    private IReadOnlyList<PlannedStep>? _planAfterRepair;
    private readonly List<string> _repairRequests = [];
    private PlanningResult? _result;
    private Plan? _madePlan;

    [Given("a planning agent")]
    public void GivenPlanningAgent() => _options.MaxReplans = 3;

    [Given("a planning agent that may replan at most {int} times")]
    public void GivenMaxReplans(int replans) => _options.MaxReplans = replans;

    [Given("a planning agent that plans at least {int} steps and may replan at most {int} times")]
    public void GivenMinStepsAndMaxReplans(int steps, int replans)
    {
        _options.MinSteps = steps;
        _options.MaxReplans = replans;
    }

    [Given("a planning agent that saves a checkpoint after every step")]
    public void GivenCheckpointEveryStep() => world.Config = world.Config with { EnableCheckpoints = true, CheckpointInterval = 1 };

    [Given("the model plans {string} as:")]
    public void ModelPlans(string goal, DataTable plan) => _plans.Add(Steps(plan));

    [Given("the model writes its plan between two sentences of prose")]
    public void PlanInProse() => _planInProse = true;

    [Given("after the failure the model revises the plan to:")]
    public void ModelRevises(DataTable plan) => _plans.Add(Steps(plan));

    [Given("told that its plan cannot be used, the model plans:")]
    public void ModelRepairs(DataTable plan) => _planAfterRepair = Steps(plan);

    [Then("the model was told its plan has {int} different step and at least {int} are needed")]
    public void ToldTooFewDifferentSteps(int different, int needed) =>
        _repairRequests.Should().ContainSingle().Which.Should()
            .Contain($"the plan has {different} different step(s)").And.Contain($"at least {needed} different steps are needed");

    [Given("step {int} fails with {string}")]
    public void StepFails(int number, string error) =>
        _failingActions[_plans[0][number - 1].Description] = error;

    [Given("every plan the model proposes fails at its first step")]
    public void EveryPlanFails() => _everyPlanFails = true;

    [When("the planning agent works on {string}")]
    public async Task Work(string goal) => _result = await BuildPlanningAgent().RunAsync(goal);

    [Given("the second step to run fails with {string}")]
    public void SecondStepToRunFails(string error) => _outage = error;

    [When("the planning agent makes a plan for {string}")]
    public async Task MakePlan(string goal)
    {
        var steps = await new Planner(world.ChatClient(PlannerScript())).CreateAsync(goal);
        _madePlan = Plan.Create(goal, steps);
    }

    [Then("the plan has {int} steps")]
    public void PlanHasSteps(int count) => (_result?.Plan ?? _madePlan)!.Steps.Should().HaveCount(count);

    [Then("the plan has at least {int} step")]
    public void PlanHasAtLeast(int count) => _madePlan!.Steps.Should().HaveCountGreaterThanOrEqualTo(count);

    [Then("every step has an action and an expected outcome")]
    public void EveryStepHasAction() =>
        _madePlan!.Steps.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Description) && !string.IsNullOrWhiteSpace(s.ExpectedOutcome));

    [Then("the steps of each revision of the plan ran in the plan's order")]
    public void RanInPlanOrder()
    {
        _executed.Should().NotBeEmpty("the plan has at least one step to run");
        foreach (var revision in _executed.GroupBy(e => e.Revision))
        {
            var numbers = revision.Select(e => e.Number).ToList();
            numbers.Should().BeInAscendingOrder("revision {0} ran its steps in order", revision.Key)
                .And.OnlyHaveUniqueItems("no step of a revision runs twice");
            numbers.Zip(numbers.Skip(1)).Should().NotContain(p => p.Second != p.First + 1, "no step of a revision is skipped");
        }
    }

    [Then("every completed step has the output of its run")]
    public void CompletedStepsHaveOutputs()
    {
        foreach (var step in _result!.Plan.CompletedSteps)
            _executed.Should().Contain(e => e.Succeeded && e.Description == step.Description && e.Output == step.Output,
                "step {0} ({1}) records what its run produced", step.Number, step.Description);
    }

    [Then("the last checkpoint holds the final plan")]
    public async Task LastCheckpointHoldsFinalPlan()
    {
        var latest = (await world.CheckpointsAsync())[^1];
        var state = (await world.Agent!.Checkpoints.LoadAsync(latest.Id)).State;
        var stored = Plan.FromJson(state.Extensions[Plan.CheckpointKey]);
        stored.Revision.Should().Be(_result!.Plan.Revision);
        stored.Steps.Select(s => s.Description).Should().Equal(_result.Plan.Steps.Select(s => s.Description));
    }

    [Then("every step after the first was given the results of the completed steps before it")]
    public void GivenResultsOfEarlierSteps()
    {
        var plan = _result!.Plan;
        _executed.Should().HaveCountGreaterThan(1, "the plan ran more than one step; the plan: {0}", plan.ToJson());
        var prompts = transcript.Of(WorkerId).Select(e => e.RequestText).ToList();
        foreach (var step in plan.Steps.Where(s => s.Number > 1 && _executed.Any(e => e.Description == s.Description)))
        {
            var earlier = plan.CompletedSteps.Where(c => c.Number < step.Number).ToList();
            prompts.Should().Contain(p => p.Contains($"Now do step {step.Number}: {step.Description}", StringComparison.Ordinal)
                    && earlier.All(c => p.Contains(c.Output!, StringComparison.Ordinal)),
                "step {0} must be told the results of steps {1}", step.Number, string.Join(", ", earlier.Select(c => c.Number)));
        }
    }

    [Then("the agent replanned because {string}")]
    public void ReplannedBecause(string because)
    {
        _outageHappened.Should().BeTrue("the second step to run meets the outage; executions: {0}",
            string.Join(", ", _executed.Select(e => $"r{e.Revision}#{e.Number}:{(e.Succeeded ? "ok" : "failed")}")));
        _result!.Plan.Failures.Should().Contain(f => f.Error.Contains(because, StringComparison.Ordinal) && f.Revision == _planAtOutage!.Revision);
    }

    [Then("the plan revised after the failure starts with the steps completed before it")]
    public void RevisedKeepsCompleted()
    {
        var completed = _planAtOutage!.CompletedSteps;
        var revised = _planVersions.First(p => p.Revision == _planAtOutage.Revision + 1);
        revised.Steps.Take(completed.Count).Should().Equal(completed, "completed steps are kept as they were, in front of the new ones");
    }

    [Then("no completed step was run again")]
    public void NoCompletedStepRunAgain()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in _executed)
        {
            done.Should().NotContain(run.Description, "step \"{0}\" had already completed", run.Description);
            if (run.Succeeded) done.Add(run.Description);
        }
    }

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
        _result.Plan.IsComplete.Should().BeFalse("the plan it reports still has a failed step");
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
        world.Tools = new ToolExecutor(registry);
        var agent = world.BuildAgent(WorkerId, world.Config with { MaxTurns = 3 }, StepScript());
        var steps = new AgentStepExecutor(agent, maxTurnsPerStep: 3);
        // Records what ran (observing only); an injected outage fails its step without running it.
        var executor = new DelegateStepExecutor(async (request, ct) =>
        {
            StepOutcome outcome;
            // A first plan has at least two steps, so a second step always runs: the next of the plan, or the first of a replan.
            if (_outage is { } down && !_outageHappened && _executed.Count == 1)
            {
                _outageHappened = true;
                _planAtOutage = request.Plan;
                outcome = StepOutcome.Failure(down);
            }
            else outcome = await steps.ExecuteAsync(request, ct);
            lock (_executed) _executed.Add((request.Plan.Revision, request.Step.Number, request.Step.Description, outcome.Succeeded, outcome.Output));
            return outcome;
        });
        _options.OnPlanChanged = (plan, _) =>
        {
            lock (_planVersions) _planVersions.Add(plan);
            return ValueTask.CompletedTask;
        };
        return new PlanningAgent(world.ChatClient(PlannerScript()), executor, _options);
    }

    private ChatScript PlannerScript() => new ChatScript().Otherwise(request =>
    {
        if (_everyPlanFails)
        {
            var attempt = request.Contains("failed:") ? CountFailures(request) + 1 : 1;
            return PlanReply([new PlannedStep($"Connect to the server, attempt {attempt}", "a connection")]);
        }
        // Used only when the scripted model serves the scenario (the quick run): a plan when the scenario gave none.
        if (_plans.Count == 0) return PlanReply([new("Collect the week's data", "the data"), new("Write the report", "a status report")]);
        if (_planAfterRepair is not null && request.Contains("could not be read"))
        {
            lock (_repairRequests) _repairRequests.Add(StepPrompt.TextOf(request));
            return PlanReply(_planAfterRepair);
        }
        var revision = request.Contains("Write a revised plan") ? 1 : 0;
        // A revision restates the whole plan, completed steps included, as models do: the plan must not run them again.
        var reply = PlanReply(_plans[Math.Min(revision, _plans.Count - 1)]);
        return _planInProse ? reply with { Text = $"Here is the plan:\n{reply.Text}\nLet me know if it needs changes." } : reply;
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
        var expected = _plans.SelectMany(p => p).FirstOrDefault(s => s.Description == description)?.ExpectedOutcome ?? "done";
        return ScriptedReply.Complete(new { result = $"{expected} (step {number})" });
    });

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
