using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.GlobalHooksAfterAllError;

[Binding]
public sealed class GlobalHooksAfterAllErrorSteps
{
    [BeforeTestRun(Order = 1)]
    public static void FirstBeforeAll() { }

    [BeforeTestRun(Order = 2)]
    public static void SecondBeforeAll() { }

    [When("a step passes")]
    public void StepPasses() { }

    // Cucumber runs AfterAll hooks in reverse definition order; Order states that here.
    [AfterTestRun(Order = 3)]
    public static void FirstDefinedAfterAll() { }

    [AfterTestRun(Order = 2)]
    public static void FailingAfterAll() => throw new InvalidOperationException("AfterAll hook went wrong");

    [AfterTestRun(Order = 1)]
    public static void LastDefinedAfterAll() { }
}
