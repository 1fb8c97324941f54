using System.Text.Json;
using Kaizen.Agents.Tools;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>Steps about a tool whose argument schema the scenario writes out, and the calls that reached it.</summary>
[Binding]
public sealed class ToolSchemaSteps(ToolWorld tools, ToolCallSteps calls)
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

    // The problems hold both kinds of quotes, so the rest of the line is taken as it is.
    [Then(@"^the model was told: (.*)$")]
    public void ModelWasTold(string problem) => calls.ModelReceived(problem);

    private SchemaBoundTool Tool(string name) =>
        _tool is { } tool && tool.Name == name ? tool : throw new InvalidOperationException($"No scenario tool named \"{name}\" was set up.");
}
