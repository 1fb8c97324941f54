using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.RulesBackgrounds;

[Binding]
public sealed class RulesBackgroundsSteps
{
    [Given("an order for {string}")]
    public void AnOrderFor(string item) => _ = item;

    [When("an action")]
    public void AnAction() { }

    [Then("an outcome")]
    public void AnOutcome() { }
}
