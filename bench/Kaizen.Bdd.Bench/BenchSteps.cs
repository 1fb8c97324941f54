using Reqnroll;

namespace Kaizen.Bdd.Bench;

/// <summary>Per-scenario state, injected into the step class like in a real suite.</summary>
public sealed class Basket
{
    public List<string> Items { get; } = [];
    public decimal Total { get; set; }
}

/// <summary>The five steps every benchmark scenario runs; also called directly for the baseline.</summary>
[Binding]
public sealed class BenchSteps(Basket basket)
{
    [Given("an empty basket")]
    public void EmptyBasket() => basket.Items.Clear();

    [When("I add {int} {string} costing {decimal}")]
    public void Add(int count, string item, decimal price)
    {
        for (var i = 0; i < count; i++) basket.Items.Add(item);
        basket.Total += count * price;
    }

    [When("I remove {string}")]
    public void Remove(string item) => basket.Items.Remove(item);

    [Then("the basket holds {int} item(s)")]
    public void Holds(int count)
    {
        if (basket.Items.Count != count) throw new InvalidOperationException($"expected {count} items, found {basket.Items.Count}");
    }

    [Then("the total is {decimal}")]
    public void TotalIs(decimal total)
    {
        if (basket.Total != total) throw new InvalidOperationException($"expected {total}, found {basket.Total}");
    }
}
