using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.RegularExpression;

[Binding]
public sealed class RegularExpressionSteps
{
    [Given("^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$")]
    public void Vegetables(string vegetable1, string? vegetable2, string? vegetable3) => _ = (vegetable1, vegetable2, vegetable3);
}
