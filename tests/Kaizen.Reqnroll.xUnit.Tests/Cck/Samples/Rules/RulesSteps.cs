using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Rules;

[Binding]
public sealed class RulesSteps
{
    private int _money;
    private Stack<string> _stock = new();
    private string? _chocolate;

    [Given("the customer has {int} cents")]
    public void CustomerHas(int money) => _money = money;

    [Given("there are chocolate bars in stock")]
    public void InStock() => _stock = new Stack<string>(["Mars"]);

    [Given("there are no chocolate bars in stock")]
    public void NotInStock() => _stock = new Stack<string>();

    [When("the customer tries to buy a {int} cent chocolate bar")]
    public void TriesToBuy(int price)
    {
        if (_money >= price) _stock.TryPop(out _chocolate);
    }

    [Then("the sale should not happen")]
    public void SaleShouldNotHappen()
    {
        if (_chocolate is not null) throw new InvalidOperationException($"Expected no sale but got {_chocolate}.");
    }

    [Then("the sale should happen")]
    public void SaleShouldHappen()
    {
        if (_chocolate is null) throw new InvalidOperationException("Expected a sale.");
    }
}
