using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class HookTests
{
    public sealed class OrderedHooks
    {
        [BeforeTestRun] public static void RunStart() => Recorder.Add("before run");
        [AfterTestRun] public static void RunEnd() => Recorder.Add("after run");
        [BeforeFeature] public static void FeatureStart(FeatureContext feature) => Recorder.Add("before feature " + feature.FeatureInfo.Title);
        [AfterFeature] public static void FeatureEnd() => Recorder.Add("after feature");
        [BeforeScenario(Order = 20)] public void Second() => Recorder.Add("before 20");
        [BeforeScenario(Order = 10)] public void First() => Recorder.Add("before 10");
        [BeforeScenario("@web")] public void WebOnly() => Recorder.Add("before @web");
        [BeforeScenario("@web and not @slow")] public void FastWeb() => Recorder.Add("before fast web");
        [AfterScenario] public void After(ScenarioContext scenario) => Recorder.Add($"after {scenario.ScenarioExecutionStatus}");
        [BeforeStep] public void BeforeStep(ScenarioContext scenario) => Recorder.Add("before step " + scenario.CurrentStepText);
        [AfterStep] public void AfterStep() => Recorder.Add("after step");

        [Given("a step")] public void Step() => Recorder.Add("step");
        [Given("a failing step")] public void Failing() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public async Task Hooks_run_in_order_with_tag_filters()
    {
        var (result, _, log) = await EngineRun.RunAsync("""
            Feature: hooks
              @web @slow
              Scenario: slow web
                Given a step
            """, [typeof(OrderedHooks)]);

        result.Success.Should().BeTrue();
        log.Should().Equal(
            "before run", "before feature hooks",
            "before 10", "before 20", "before @web",
            "before step a step", "step", "after step",
            "after Passed",
            "after feature", "after run");
    }

    [Fact]
    public async Task After_hooks_run_after_a_failure_and_remaining_steps_are_skipped()
    {
        var (result, envelopes, log) = await EngineRun.RunAsync("""
            Feature: hooks
              Scenario: fails
                Given a failing step
                And a step
            """, [typeof(OrderedHooks)]);

        var scenario = result.Scenarios.Single();
        scenario.Status.Should().Be(ScenarioExecutionStatus.Failed);
        scenario.Message.Should().Contain("a failing step").And.Contain("boom");
        log.Should().NotContain("step").And.Contain("after Failed");
        envelopes.Where(e => e.TestStepFinished is not null).Select(e => e.TestStepFinished.TestStepResult.Status.ToString())
            .Should().Equal("PASSED", "PASSED", "FAILED", "SKIPPED", "PASSED");
    }

    public sealed class FailingBeforeHook
    {
        [BeforeScenario] public void Broken() => throw new InvalidOperationException("setup broke");
        [AfterScenario] public void Cleanup() => Recorder.Add("cleanup");
        [Given("a step")] public void Step() => Recorder.Add("step");
    }

    [Fact]
    public async Task A_failing_before_hook_skips_the_steps_but_after_hooks_still_run()
    {
        var (result, _, log) = await EngineRun.RunAsync("""
            Feature: hooks
              Scenario: broken setup
                Given a step
            """, [typeof(FailingBeforeHook)]);

        result.Scenarios.Single().Status.Should().Be(ScenarioExecutionStatus.Failed);
        result.Scenarios.Single().Message.Should().Contain("setup broke");
        log.Should().Equal("cleanup");
    }
}
