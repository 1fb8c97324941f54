namespace Kaizen.Bdd.Tests.Cck.Samples.HooksUndefined;

[Binding]
public sealed class HooksUndefinedSteps
{
    [BeforeScenario]
    public void Before() { }

    [AfterScenario]
    public void After() { }
}
