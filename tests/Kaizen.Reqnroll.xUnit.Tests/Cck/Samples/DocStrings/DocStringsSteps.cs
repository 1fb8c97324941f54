using Kaizen.Reqnroll.xUnit;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.DocStrings;

[Binding]
public sealed class DocStringsSteps
{
    [Given("a doc string:")]
    public void ADocString(string docString) => _ = docString;
}
