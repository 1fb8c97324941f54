using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.UndefinedMultiple;

[Binding]
public sealed class UndefinedMultipleSteps
{
    [Given("an implemented step")]
    public void Implemented() { }

    [Given("a step that will be skipped")]
    public void WillBeSkipped() { }
}
