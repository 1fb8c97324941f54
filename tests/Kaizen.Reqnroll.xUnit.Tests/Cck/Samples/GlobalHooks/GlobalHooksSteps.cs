using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.GlobalHooks;

[Binding]
public sealed class GlobalHooksSteps
{
    [BeforeTestRun]
    public static void FirstBeforeAll() { }

    [BeforeTestRun]
    public static void SecondBeforeAll() { }

    [When("a step passes")]
    public void StepPasses() { }

    [When("a step fails")]
    public void StepFails() => throw new InvalidOperationException("Exception in step");

    // Cucumber runs AfterAll hooks in reverse definition order; Reqnroll-style bindings state that with Order.
    [AfterTestRun]
    public static void FirstAfterAll() { }

    [AfterTestRun(Order = 9999)]
    public static void SecondAfterAll() { }
}
