using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Skipped;

[Binding]
public sealed class SkippedSteps
{
    [Given("a step that does not skip")]
    public void DoesNotSkip() { }

    [Given("a step that is skipped")]
    public void IsSkipped() { }

    [Given("I skip a step")]
    public void SkipAStep() => Xunit.Assert.Skip("skipped by the step");
}
