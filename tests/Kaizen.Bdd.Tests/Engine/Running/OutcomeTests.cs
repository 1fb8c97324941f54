using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Running;
using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class OutcomeTests
{
    public sealed class Steps
    {
        [Given("a passing step")] public void Passing() { }
        [Given("a pending step")] public void Pending() => throw new PendingStepException();
        [Given("a skipping step")] public void Skipping() => ScenarioContext.Skip("not today");
    }

    [Fact]
    public async Task An_undefined_step_says_no_matching_step_definition_and_offers_a_snippet()
    {
        var (result, envelopes, _) = await EngineRun.RunAsync("""
            Feature: outcomes
              Scenario: undefined
                Given I have 3 "red" apples
                And a passing step
            """, [typeof(Steps)]);

        var scenario = result.Scenarios.Single();
        scenario.Status.Should().Be(ScenarioExecutionStatus.Undefined);
        scenario.Message.Should().Contain("No matching step definition").And.Contain("[Given(\"I have {int} {string} apples\")]");
        envelopes.Should().ContainSingle(e => e.Suggestion != null).Which.Suggestion.Snippets.Single().Code.Should().Contain("{int} {string}");
        result.Success.Should().BeFalse();
    }

    [Fact]
    public async Task Pending_and_skipped_steps_get_their_status_and_later_steps_are_skipped()
    {
        var (result, envelopes, _) = await EngineRun.RunAsync("""
            Feature: outcomes
              Scenario: pending
                Given a pending step
                And a passing step
              Scenario: skipped
                Given a skipping step
                And a passing step
            """, [typeof(Steps)]);

        result.Scenarios.Select(s => s.Status).Should().Equal(ScenarioExecutionStatus.Pending, ScenarioExecutionStatus.Skipped);
        result.Scenarios[1].Message.Should().Be("not today");
        envelopes.Where(e => e.TestStepFinished != null).Select(e => e.TestStepFinished.TestStepResult.Status.ToString())
            .Should().Equal("PENDING", "SKIPPED", "SKIPPED", "SKIPPED");
    }

    [Theory]
    [InlineData(MissingOrPendingStepsOutcome.Error, false)]
    [InlineData(MissingOrPendingStepsOutcome.Pending, true)]
    [InlineData(MissingOrPendingStepsOutcome.Ignore, true)]
    public void Missing_or_pending_outcome_decides_between_failing_and_skipping(MissingOrPendingStepsOutcome outcome, bool skips)
    {
        var pending = new ScenarioResult("f", "s", "p", ScenarioExecutionStatus.Pending, "TODO", null);
        var report = () => XunitOutcome.Report(pending, outcome);
        var thrown = report.Should().Throw<Exception>().Which;
        thrown.Message.StartsWith(Xunit.v3.DynamicSkipToken.Value, StringComparison.Ordinal).Should().Be(skips);
    }

    [Fact]
    public void Failures_and_ambiguity_always_fail_and_passing_does_not_throw()
    {
        var ambiguous = new ScenarioResult("f", "s", "p", ScenarioExecutionStatus.Ambiguous, "two candidates", null);
        ((Action)(() => XunitOutcome.Report(ambiguous, MissingOrPendingStepsOutcome.Ignore))).Should().Throw<ScenarioFailedException>().WithMessage("two candidates");
        var passed = new ScenarioResult("f", "s", "p", ScenarioExecutionStatus.Passed, null, null);
        ((Action)(() => XunitOutcome.Report(passed, MissingOrPendingStepsOutcome.Error))).Should().NotThrow();
    }
}
