using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.UnusedSteps;

[Binding]
public sealed class UnusedStepsSteps
{
    [Given("a step that is used")]
    public void Used() { }

    [Given("a step that is not used")]
    public void NotUsed() { }
}
