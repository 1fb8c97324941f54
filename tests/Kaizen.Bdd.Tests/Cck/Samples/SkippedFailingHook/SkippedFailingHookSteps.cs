namespace Kaizen.Bdd.Tests.Cck.Samples.SkippedFailingHook;

[Binding]
public sealed class SkippedFailingHookSteps
{
    [Given("a step that skips")]
    public void StepThatSkips() => ScenarioContext.Skip("skipped by the step");

    [AfterScenario]
    public void FailingAfter() => throw new InvalidOperationException("whoops");
}
