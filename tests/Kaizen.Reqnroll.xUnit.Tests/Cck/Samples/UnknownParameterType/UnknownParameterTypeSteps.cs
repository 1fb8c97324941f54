using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.UnknownParameterType;

[Binding]
public sealed class UnknownParameterTypeSteps
{
    [Given("{airport} is closed because of a strike")]
    public void IsClosed(string airport) =>
        throw new InvalidOperationException($"Should not be called because the airport parameter type is not defined ({airport}).");
}
