using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Minimal;

[Binding]
public sealed class MinimalSteps
{
    [Given("I have {int} cukes in my belly")]
    public void GivenCukes(int cukeCount) => _ = cukeCount;
}
