using Kaizen.Reqnroll.xUnit;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Markdown;

[Binding]
public sealed class MarkdownSteps(IReqnrollOutputHelper output)
{
    [Given("some TypeScript code:")]
    public void SomeTypeScriptCode(string code) => ArgumentNullException.ThrowIfNull(code);

    [Given("some classic Gherkin:")]
    public void SomeClassicGherkin(string gherkin) => ArgumentNullException.ThrowIfNull(gherkin);

    [When("we use a data table and attach something and then {word}")]
    public void UseTableAndAttach(string word, DataTable dataTable)
    {
        ArgumentNullException.ThrowIfNull(dataTable);
        output.WriteLine($"We are logging some plain text ({word})");
        if (word == "fail") throw new InvalidOperationException("You asked me to fail");
    }

    [Then("this might or might not run")]
    public void MightRun() { }
}
