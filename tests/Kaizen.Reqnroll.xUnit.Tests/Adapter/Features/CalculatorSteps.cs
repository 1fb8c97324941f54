using Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Adapter.Features;

/// <summary>State shared by the sample bindings of one scenario (context injection).</summary>
public sealed class Calculator
{
    public decimal Result { get; set; }
}

/// <summary>Bindings of the sample features; scoped so that other bindings of this assembly never see them.</summary>
[Binding]
[Scope(Tag = "kaizen-sample")]
public sealed class CalculatorSteps(Calculator calculator, IReqnrollOutputHelper output)
{
    [Given("a calculator")]
    public void GivenACalculator() => calculator.Result = 0;

    [When("I add {int} and {int}")]
    public void WhenIAdd(int a, int b)
    {
        calculator.Result = a + b;
        output.WriteLine($"{a} + {b} = {calculator.Result}");
    }

    [When("I multiply {int} by {int}")]
    public async Task WhenIMultiply(int a, int b)
    {
        await Task.Yield();
        calculator.Result = a * b;
    }

    [When("I enter these numbers:")]
    public void WhenIEnter(DataTable numbers) => calculator.Result = numbers.Rows.Sum(r => decimal.Parse(r["value"], System.Globalization.CultureInfo.InvariantCulture));

    [Then("the result is {decimal}")]
    public void ThenTheResultIs(decimal expected) => calculator.Result.Should().Be(expected);

    [Then("this step is never run")]
    public void NeverRun() => throw new InvalidOperationException("@ignore scenarios must not run");
}
