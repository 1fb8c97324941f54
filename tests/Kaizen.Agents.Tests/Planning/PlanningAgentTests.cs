using System.Text.Json;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Tests.Planning;

/// <summary>The planning agent with the scripted model writing the plans and a recording step executor.</summary>
[Trait("Category", "planning-lib")]
public sealed class PlanningAgentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ScriptedReply PlanReply(params string[] steps) =>
        ScriptedReply.Json(new { steps = steps.Select(s => new { description = s, expected_outcome = $"{s} done" }) });

    private readonly List<string> _ran = [];
    private readonly List<Plan> _snapshots = [];

    private DelegateStepExecutor Steps(Func<PlanStepRequest, int, StepOutcome> behave) =>
        new((request, _) =>
        {
            _ran.Add(request.Step.Description);
            return Task.FromResult(behave(request, _ran.Count(d => d == request.Step.Description)));
        });

    private PlanningAgentOptions Options(int maxReplans = 3) => new()
    {
        MaxReplans = maxReplans,
        OnPlanChanged = (plan, _) => { _snapshots.Add(plan); return ValueTask.CompletedTask; },
    };

    [Fact]
    public async Task Basic_plan_is_asked_for_then_every_step_runs_in_order()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(PlanReply("gather facts", "write summary")));
        var agent = new PlanningAgent(model, Steps((r, _) => StepOutcome.Success($"out of {r.Step.Description}")), Options());

        var result = await agent.RunAsync("summarise the report", Ct);

        result.Succeeded.Should().BeTrue();
        _ran.Should().Equal("gather facts", "write summary");
        result.FinalOutput.Should().Be("out of write summary");
        result.Plan.Steps.Should().OnlyContain(s => s.Status == PlanStepStatus.Succeeded && s.ExpectedOutcome.EndsWith(" done"));
        model.Requests.Should().ContainSingle().Which.LastUserText.Should().Contain("Goal: summarise the report");
        _snapshots.Should().HaveCount(3, "created, step 1 done, step 2 done");
    }

    [Fact]
    public async Task Step_sees_completed_steps_and_their_outputs()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(PlanReply("one", "two")));
        PlanStepRequest? second = null;
        var agent = new PlanningAgent(model, new DelegateStepExecutor((r, _) =>
        {
            if (r.Step.Number == 2) second = r;
            return Task.FromResult(StepOutcome.Success($"result-{r.Step.Number}"));
        }));

        await agent.RunAsync("g", Ct);

        second!.CompletedSteps.Should().ContainSingle().Which.Output.Should().Be("result-1");
        second.ToPrompt().Should().Contain("1. one -> result-1").And.Contain("Now do step 2: two");
    }

    [Fact]
    public async Task Failed_step_triggers_a_revised_plan_that_keeps_completed_steps()
    {
        var model = new ScriptedChatClient(new ChatScript()
            .Reply(PlanReply("download data", "parse csv", "report"))
            .Reply(PlanReply("parse csv with ; separator", "report")));
        var agent = new PlanningAgent(model,
            Steps((r, _) => r.Step.Description == "parse csv" ? StepOutcome.Failure("unexpected ';' on line 1") : StepOutcome.Success("ok")),
            Options());

        var result = await agent.RunAsync("report on the data", Ct);

        result.Succeeded.Should().BeTrue();
        _ran.Should().Equal("download data", "parse csv", "parse csv with ; separator", "report");
        result.Plan.Revision.Should().Be(2);
        result.Plan.Steps.Select(s => s.Description).Should().Equal("download data", "parse csv with ; separator", "report");
        result.Plan.Failures.Should().ContainSingle().Which.Should().Be(new PlanFailure(1, "parse csv", "unexpected ';' on line 1"));
        var revise = model.Requests[1].LastUserText;
        revise.Should().Contain("1. download data -> ok").And.Contain("Step 2 failed: parse csv").And.Contain("unexpected ';' on line 1");
    }

    [Fact]
    public async Task Replanning_stops_when_the_budget_is_spent()
    {
        var model = new ScriptedChatClient(new ChatScript().Otherwise(_ => PlanReply("try again")));
        var agent = new PlanningAgent(model, Steps((_, _) => StepOutcome.Failure("still broken")), Options(maxReplans: 2));

        var result = await agent.RunAsync("impossible", Ct);

        result.Succeeded.Should().BeFalse();
        result.FailureReason.Should().Be("step 1 ('try again') failed: still broken; the replan budget (2) is used up");
        _ran.Should().HaveCount(3, "the first plan and two revisions each tried once");
        model.Requests.Should().HaveCount(3);
        result.Plan.Steps.Should().ContainSingle().Which.Status.Should().Be(PlanStepStatus.Failed);
    }

    [Fact]
    public async Task Throwing_step_executor_counts_as_a_failed_step()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(PlanReply("boom")).Reply(PlanReply("safe")));
        var agent = new PlanningAgent(model, new DelegateStepExecutor((r, _) =>
            r.Step.Description == "boom" ? throw new InvalidOperationException("kaput") : Task.FromResult(StepOutcome.Success("fine"))));

        var result = await agent.RunAsync("g", Ct);

        result.Succeeded.Should().BeTrue();
        result.Plan.Failures.Single().Error.Should().Be("InvalidOperationException: kaput");
    }

    [Fact]
    public async Task Unreadable_plan_gets_one_repair_request_with_the_error()
    {
        var model = new ScriptedChatClient(new ChatScript().Say("Sure! First I will look around.").Reply(PlanReply("look around")));
        var agent = new PlanningAgent(model, Steps((_, _) => StepOutcome.Success("seen")));

        var result = await agent.RunAsync("explore", Ct);

        result.Succeeded.Should().BeTrue();
        model.Requests.Should().HaveCount(2);
        model.Requests[1].LastUserText.Should().StartWith("Your plan could not be read: the reply contains no JSON object or array");
    }

    [Fact]
    public async Task Plan_still_unreadable_after_the_repair_is_a_clear_error()
    {
        var model = new ScriptedChatClient(new ChatScript().Say("no plan").Reply(ScriptedReply.RawJson("{\"steps\": [{\"oops\": 1}]}")));
        var agent = new PlanningAgent(model, Steps((_, _) => StepOutcome.Success("x")));

        var act = () => agent.RunAsync("explore", Ct);

        (await act.Should().ThrowAsync<PlanningException>()).Which.Message.Should()
            .Contain("after one repair request: step 1 has no \"description\"").And.Contain("First error: the reply contains no JSON");
        _ran.Should().BeEmpty();
    }

    [Fact]
    public async Task Plan_checkpointed_mid_run_resumes_without_redoing_or_replanning()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(PlanReply("a", "b", "c")));
        string? checkpoint = null;
        using var stop = new CancellationTokenSource();
        var options = new PlanningAgentOptions
        {
            OnPlanChanged = (plan, _) =>
            {
                checkpoint = plan.ToJson();
                if (plan.CompletedSteps.Count == 1) stop.Cancel(); // the process "dies" after step a
                return ValueTask.CompletedTask;
            },
        };
        var first = new PlanningAgent(model, Steps((r, _) => StepOutcome.Success(r.Step.Description.ToUpperInvariant())), options);
        var interrupted = () => first.RunAsync("abc", stop.Token);
        await interrupted.Should().ThrowAsync<OperationCanceledException>();

        var restored = Plan.FromJson(checkpoint!);
        var noModel = new ScriptedChatClient(new ChatScript()); // any model call would throw ScriptExhaustedException
        var second = new PlanningAgent(noModel, Steps((r, _) => StepOutcome.Success(r.Step.Description.ToUpperInvariant())));
        var result = await second.ResumeAsync(restored, Ct);

        result.Succeeded.Should().BeTrue();
        _ran.Should().Equal("a", "b", "c");
        result.Plan.Steps.Select(s => s.Output).Should().Equal("A", "B", "C");
        noModel.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Plan_longer_than_the_limit_is_refused()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(PlanReply("1", "2", "3")).Reply(PlanReply("1", "2", "3")));
        var agent = new PlanningAgent(model, Steps((_, _) => StepOutcome.Success("x")), new PlanningAgentOptions { MaxSteps = 2 });

        var act = () => agent.RunAsync("g", Ct);
        (await act.Should().ThrowAsync<PlanningException>()).Which.Message.Should().Contain("the plan has 3 steps; at most 2 are allowed");
    }

    [Fact]
    public void Plan_json_is_plain_json_for_a_checkpoint_extensions_entry()
    {
        var json = Plan.Create("g", [new PlannedStep("s", "e")]).ToJson();
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("steps")[0].GetProperty("description").GetString().Should().Be("s");
        Plan.CheckpointKey.Should().Be("plan");
    }
}
