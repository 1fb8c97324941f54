using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Tests.Cck.Samples.DocStrings;

[Binding]
public sealed class DocStringsSteps
{
    [Given("a doc string:")]
    public void ADocString(DocString docString) => _ = docString;
}
