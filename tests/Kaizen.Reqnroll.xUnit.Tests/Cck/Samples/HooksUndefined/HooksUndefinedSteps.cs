using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.HooksUndefined;

[Binding]
public sealed class HooksUndefinedSteps
{
    [BeforeScenario]
    public void Before() { }

    [AfterScenario]
    public void After() { }
}
