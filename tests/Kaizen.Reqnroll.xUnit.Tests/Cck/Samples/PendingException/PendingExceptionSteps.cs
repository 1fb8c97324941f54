using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.PendingException;

[Binding]
public sealed class PendingExceptionSteps
{
    [Given("an unimplemented pending step")]
    public void Pending() => throw new PendingStepException("TODO");
}
