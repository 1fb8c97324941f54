using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.ExamplesTablesUndefined;

[Binding]
public sealed class ExamplesTablesUndefinedSteps
{
    private int _count;

    [Given("there are {int} cucumbers")]
    public void ThereAre(int initialCount) => _count = initialCount;

    [When("I eat {int} cucumbers")]
    public void IEat(int eatCount) => _count -= eatCount;

    [Then("I should have {int} cucumbers")]
    public void IShouldHave(int expectedCount)
    {
        if (_count != expectedCount)
            throw new InvalidOperationException($"Expected {expectedCount} cucumbers but there are {_count}.");
    }
}
