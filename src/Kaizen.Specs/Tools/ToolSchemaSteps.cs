using System.Text.Json;
using Kaizen.Agents.Tools;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>
/// Steps about a tool whose argument schema the scenario writes out: calls handed straight to the agent's tool executor
/// (no model is asked), what the executor answered, and the calls that reached the tool.
/// </summary>
[Binding]
public sealed class ToolSchemaSteps(ToolWorld tools)
{
    private SchemaBoundTool? _tool;

    [Given("an agent with a {word} tool {string} whose arguments follow this schema:")]
    public void AgentWithSchemaTool(string level, string name, string schema)
    {
        _tool = new SchemaBoundTool(name, JsonDocument.Parse(schema).RootElement.Clone());
        tools.Registry.Register(_tool, Enum.Parse<DangerLevel>(level), "scenario");
        tools.Equip();
    }

    [Then("{string} never ran")]
    public void NeverRan(string name) => Tool(name).Calls.Should().BeEmpty("the library must refuse the call before the tool runs");

    [Then("{string} ran once, with the arguments {string}")]
    public void RanOnceWith(string name, string json)
    {
        var sent = JsonDocument.Parse(json).RootElement;
        Tool(name).Calls.Should().ContainSingle().Which.Should().Match<JsonElement>(received => JsonElement.DeepEquals(received, sent),
            "the tool receives exactly the arguments the model sent");
    }

    [When("a call to {string} arrives with the arguments {string}")]
    public Task CallArrives(string name, string json) => tools.HandToExecutorAsync(name, json);

    // The texts hold both kinds of quotes, so the rest of the line is taken as it is.
    [Then(@"^the call (succeeded|failed), and what goes back to the model says: (.*)$")]
    public void CallEndedSaying(string outcome, string text)
    {
        var answer = tools.RequireAnswer();
        answer.Status.Should().Be(outcome == "succeeded" ? ToolExecutionStatus.Succeeded : ToolExecutionStatus.Failed);
        answer.ToFunctionResult().Result.Should().BeOfType<string>().Which.Should().Contain(text);
    }

    [Then("the call succeeded")]
    public void CallSucceeded() => tools.RequireAnswer().Status.Should().Be(ToolExecutionStatus.Succeeded);

    private SchemaBoundTool Tool(string name) =>
        _tool is { } tool && tool.Name == name ? tool : throw new InvalidOperationException($"No scenario tool named \"{name}\" was set up.");
}
