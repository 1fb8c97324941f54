namespace Kaizen.Bdd.Tests.Cck.Samples.HooksNamed;

[Binding]
public sealed class HooksNamedSteps
{
    [BeforeScenario(Name = "A named before hook")]
    public void NamedBefore() { }

    [When("a step passes")]
    public void StepPasses() { }

    [AfterScenario(Name = "A named after hook")]
    public void NamedAfter() { }
}
