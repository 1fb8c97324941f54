using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.GlobalHooksBeforeAllError;

[Binding]
public sealed class GlobalHooksBeforeAllErrorSteps
{
    [BeforeTestRun(Order = 1)]
    public static void FirstBeforeAll() { }

    [BeforeTestRun(Order = 2)]
    public static void FailingBeforeAll() => throw new InvalidOperationException("BeforeAll hook went wrong");

    [BeforeTestRun(Order = 3)]
    public static void LastBeforeAll() { }

    [When("a step passes")]
    public void StepPasses() { }

    // Cucumber runs AfterAll hooks in reverse definition order; Order states that here.
    [AfterTestRun(Order = 2)]
    public static void FirstDefinedAfterAll() { }

    [AfterTestRun(Order = 1)]
    public static void LastDefinedAfterAll() { }
}
