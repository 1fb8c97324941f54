using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.StackTraces;

[Binding]
public sealed class StackTracesSteps
{
    [When("a step throws an exception")]
    public void Throws() => throw new InvalidOperationException("BOOM");
}
