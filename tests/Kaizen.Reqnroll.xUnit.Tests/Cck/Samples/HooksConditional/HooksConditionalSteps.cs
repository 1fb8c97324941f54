using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.HooksConditional;

[Binding]
public sealed class HooksConditionalSteps
{
    [BeforeScenario("@passing-hook")]
    public Task BeforePassing() => Task.CompletedTask;

    [BeforeScenario("@fail-before")]
    public void BeforeFailing() => throw new InvalidOperationException("Exception in conditional hook");

    [When("a step passes")]
    public void StepPasses() { }

    [AfterScenario("@fail-after")]
    public void AfterFailing() => throw new InvalidOperationException("Exception in conditional hook");

    [AfterScenario("@passing-hook")]
    public Task AfterPassing() => Task.CompletedTask;
}
