namespace Kaizen.Bdd.Tests.Cck.Samples.SkippedException;

[Binding]
public sealed class SkippedExceptionSteps
{
    [Given("I skip a step")]
    public void Skip() => throw new ScenarioSkippedException("skipping");
}
