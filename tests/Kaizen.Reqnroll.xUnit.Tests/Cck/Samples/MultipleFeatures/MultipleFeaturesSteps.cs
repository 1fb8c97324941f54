using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.MultipleFeatures;

[Binding]
public sealed class MultipleFeaturesSteps
{
    [Given("an order for {string}")]
    public void AnOrderFor(string item) => _ = item;
}
