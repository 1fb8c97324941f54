using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.HooksSkipped;

[Binding]
public sealed class HooksSkippedSteps
{
    [BeforeScenario(Order = 1)]
    public void FirstBefore() { }

    [BeforeScenario("@skip-before", Order = 2)]
    public void SkippingBefore() => Xunit.Assert.Skip("skipped by a before hook");

    [BeforeScenario(Order = 3)]
    public void LastBefore() { }

    [Given("a normal step")]
    public void NormalStep() { }

    [Given("a step that skips")]
    public void StepThatSkips() => Xunit.Assert.Skip("skipped by the step");

    // Cucumber runs After hooks in reverse definition order; Order states that here.
    [AfterScenario(Order = 3)]
    public void FirstDefinedAfter() { }

    [AfterScenario("@skip-after", Order = 2)]
    public void SkippingAfter() => Xunit.Assert.Skip("skipped by an after hook");

    [AfterScenario(Order = 1)]
    public void LastDefinedAfter() { }
}
