using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.ExamplesTables;

[Binding]
public sealed class ExamplesTablesSteps
{
    private int _count;
    private int _friends;

    [Given("there are {int} cucumbers")]
    public void ThereAreCucumbers(int initialCount) => _count = initialCount;

    [Given("there are {int} friends")]
    public void ThereAreFriends(int initialFriends) => _friends = initialFriends;

    [When("I eat {int} cucumbers")]
    public void IEat(int eatCount) => _count -= eatCount;

    [Then("I should have {int} cucumbers")]
    public void IShouldHave(int expectedCount)
    {
        if (_count != expectedCount)
            throw new InvalidOperationException($"Expected {expectedCount} cucumbers but there are {_count}.");
    }

    [Then("each person can eat {int} cucumbers")]
    public void EachPersonCanEat(int expectedShare)
    {
        var share = (int)Math.Floor(_count / (1.0 + _friends));
        if (share != expectedShare)
            throw new InvalidOperationException($"Expected a share of {expectedShare} but it is {share}.");
    }
}
