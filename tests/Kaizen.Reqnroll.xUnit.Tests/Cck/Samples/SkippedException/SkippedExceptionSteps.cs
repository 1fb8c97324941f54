using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.SkippedException;

[Binding]
public sealed class SkippedExceptionSteps
{
    [Given("I skip a step")]
    public void Skip() => Xunit.Assert.Skip("skipping");
}
