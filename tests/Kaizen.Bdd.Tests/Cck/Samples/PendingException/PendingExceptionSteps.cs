namespace Kaizen.Bdd.Tests.Cck.Samples.PendingException;

[Binding]
public sealed class PendingExceptionSteps
{
    [Given("an unimplemented pending step")]
    public void Pending() => throw new PendingStepException("TODO");
}
