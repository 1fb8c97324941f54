using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.FailedishCombinations;

[Binding]
public sealed class FailedishCombinationsSteps
{
    [Given("^a step$")]
    public void AStep() { }

    [Given("^a skipped step$")]
    public void ASkippedStep() => Xunit.Assert.Skip("skipped by the step");

    [Given("^a pending step$")]
    public void APendingStep() => throw new PendingStepException();

    [Given("^an ambiguous (.*?)$")]
    public void Ambiguous1(string what) => _ = what;

    [Given("^(.*?) ambiguous step$")]
    public void Ambiguous2(string what) => _ = what;

    [Given("^a failing step$")]
    public void AFailingStep() => throw new InvalidOperationException("whoops");
}
