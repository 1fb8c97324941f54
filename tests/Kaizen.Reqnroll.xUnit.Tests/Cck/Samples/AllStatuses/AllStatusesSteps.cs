using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.AllStatuses;

[Binding]
public sealed class AllStatusesSteps
{
    [Given("^a step$")]
    public void AStep() { }

    [Given("^a failing step$")]
    public void AFailingStep() => throw new InvalidOperationException("whoops");

    [Given("^a pending step$")]
    public void APendingStep() => throw new PendingStepException();

    [Given("^a skipped step$")]
    public void ASkippedStep() => Xunit.Assert.Skip("skipped by the step");

    [Given("^an ambiguous (.*?)$")]
    public void Ambiguous1(string what) => _ = what;

    [Given("^(.*?) ambiguous step$")]
    public void Ambiguous2(string what) => _ = what;
}
