using Kaizen.Agents.Planning;

namespace Kaizen.Agents.Tests.Planning;

[Trait("Category", "planning-lib")]
public sealed class PlanTests
{
    private static Plan ThreeSteps() =>
        Plan.Create("ship", [new PlannedStep("build", "binary"), new PlannedStep("test", "green"), new PlannedStep("release", "tagged")]);

    [Fact]
    public void New_plan_numbers_steps_and_starts_at_the_first()
    {
        var plan = ThreeSteps();
        plan.Steps.Select(s => s.Number).Should().Equal(1, 2, 3);
        plan.NextStep!.Description.Should().Be("build");
        plan.Revision.Should().Be(1);
        plan.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void Revision_keeps_completed_steps_and_replaces_the_rest()
    {
        var plan = ThreeSteps();
        plan = plan.With(plan.Steps[0] with { Status = PlanStepStatus.Succeeded, Output = "bin/app" });
        plan = plan.With(plan.Steps[1] with { Status = PlanStepStatus.Failed, Error = "flaky" });

        var revised = plan.Revise([new PlannedStep("fix test", "green"), new PlannedStep("release", "tagged")], new PlanFailure(1, "test", "flaky"));

        revised.Steps.Select(s => (s.Number, s.Description, s.Status)).Should().Equal(
            (1, "build", PlanStepStatus.Succeeded), (2, "fix test", PlanStepStatus.Pending), (3, "release", PlanStepStatus.Pending));
        revised.Steps[0].Output.Should().Be("bin/app");
        revised.Revision.Should().Be(2);
        revised.ReplanCount.Should().Be(1);
        revised.Failures.Should().ContainSingle().Which.Error.Should().Be("flaky");
    }

    [Fact]
    public void Revision_drops_new_steps_that_repeat_completed_work()
    {
        var plan = ThreeSteps();
        plan = plan.With(plan.Steps[0] with { Status = PlanStepStatus.Succeeded, Output = "bin/app" });
        plan = plan.With(plan.Steps[1] with { Status = PlanStepStatus.Failed, Error = "flaky" });

        // Models often restate the whole plan, done steps included, in other spacing or case, and repeat themselves.
        var revised = plan.Revise([new PlannedStep("  Build. ", "binary"), new PlannedStep("fix test", "green"), new PlannedStep("Fix test", "green")],
            new PlanFailure(1, "test", "flaky"));

        revised.Steps.Select(s => (s.Description, s.Status)).Should().Equal(("build", PlanStepStatus.Succeeded), ("fix test", PlanStepStatus.Pending));
        revised.NextStep!.Description.Should().Be("fix test");
    }

    [Fact]
    public void A_first_plan_keeps_one_of_each_step()
    {
        var plan = Plan.Create("ship", [new PlannedStep("build", "binary"), new PlannedStep("Build", "binary"), new PlannedStep("test", "green")]);
        plan.Steps.Select(s => (s.Number, s.Description)).Should().Equal((1, "build"), (2, "test"));
    }

    [Fact]
    public void Json_round_trip_keeps_everything_a_resume_needs()
    {
        var plan = ThreeSteps();
        plan = plan.With(plan.Steps[0] with { Status = PlanStepStatus.Succeeded, Output = "bin/app" });
        plan = plan.Revise([new PlannedStep("test again", "green")], new PlanFailure(1, "test", "flaky"));

        var json = plan.ToJson();
        var back = Plan.FromJson(json);

        json.Should().Contain("\"status\":\"Succeeded\"");
        back.Goal.Should().Be("ship");
        back.Revision.Should().Be(2);
        back.Steps.Should().Equal(plan.Steps);
        back.Failures.Should().Equal(plan.Failures);
        back.NextStep!.Description.Should().Be("test again");
    }

    [Fact]
    public void Broken_stored_plan_is_a_clear_format_error()
    {
        var act = () => Plan.FromJson("{\"goal\":\"x\",\n\"steps\": [");
        act.Should().Throw<FormatException>().WithMessage("The stored plan is not valid JSON (line 2*");
        var missing = () => Plan.FromJson("{\"revision\":1}");
        missing.Should().Throw<FormatException>().WithMessage("*lacks 'goal' or 'steps'*");
    }
}
