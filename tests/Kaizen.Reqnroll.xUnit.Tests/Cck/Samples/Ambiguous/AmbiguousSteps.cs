using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Ambiguous;

[Binding]
public sealed class AmbiguousSteps
{
    [Given("^a (.*?) with (.*?)$")]
    public void FirstOne(string what, string with) => _ = (what, with);

    [Given("^a step with (.*?)$")]
    public void SecondOne(string with) => _ = with;
}
