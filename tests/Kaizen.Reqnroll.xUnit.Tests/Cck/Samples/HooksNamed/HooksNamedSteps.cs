using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.HooksNamed;

// Reqnroll hooks have no name: the kit's named hooks are ported unnamed (listed in docs/cck-conformance.md).
[Binding]
public sealed class HooksNamedSteps
{
    [BeforeScenario]
    public void NamedBefore() { }

    [When("a step passes")]
    public void StepPasses() { }

    [AfterScenario]
    public void NamedAfter() { }
}
