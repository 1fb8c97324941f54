using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Tests.Cck.Samples.Markdown;

[Binding]
public sealed class MarkdownSteps(IScenarioOutput output)
{
    [Given("some TypeScript code:")]
    public void SomeTypeScriptCode(DocString code) => ArgumentNullException.ThrowIfNull(code);

    [Given("some classic Gherkin:")]
    public void SomeClassicGherkin(DocString gherkin) => ArgumentNullException.ThrowIfNull(gherkin);

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
