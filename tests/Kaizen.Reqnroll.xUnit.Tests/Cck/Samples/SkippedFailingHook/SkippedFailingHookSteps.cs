using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.SkippedFailingHook;

[Binding]
public sealed class SkippedFailingHookSteps
{
    [Given("a step that skips")]
    public void StepThatSkips() => Xunit.Assert.Skip("skipped by the step");

    [AfterScenario]
    public void FailingAfter() => throw new InvalidOperationException("whoops");
}
