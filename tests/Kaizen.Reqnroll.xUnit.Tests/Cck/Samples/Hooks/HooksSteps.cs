using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Hooks;

[Binding]
public sealed class HooksSteps
{
    [BeforeScenario]
    public void Before() { }

    [When("a step passes")]
    public void StepPasses() { }

    [When("a step fails")]
    public void StepFails() => throw new InvalidOperationException("Exception in step");

    [AfterScenario]
    public void After() { }
}
