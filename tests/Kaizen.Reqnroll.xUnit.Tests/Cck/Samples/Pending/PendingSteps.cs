using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Pending;

[Binding]
public sealed class PendingSteps
{
    [Given("an implemented non-pending step")]
    public void NonPending() { }

    [Given("an implemented step that is skipped")]
    public void Skipped() { }

    [Given("an unimplemented pending step")]
    public void PendingStep() => throw new PendingStepException();
}
