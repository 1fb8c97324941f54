using System.Text.Json;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Agents;

/// <summary>The loop asks for replies in its signature's JSON shape, so a structured-output provider cannot send an unreadable one.</summary>
[Trait("Category", "agents")]
public sealed class StructuredReplyTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Every_turn_asks_for_the_signature_reply_schema()
    {
        var model = new ScriptedChatClient(new ChatScript().Working("reading").Complete(new { summary = "short", count = 3 }));
        var signature = new Signature("Report writer").Output("summary", "the summary").Output("count", "how many", SignatureFieldType.Integer)
            .Output("notes", "optional notes", required: false);
        var agent = _fixture.Agent(model, signature: signature);

        await agent.RunAutonomousAsync("summarise", 5, Ct);

        model.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Options!.ResponseFormat is ChatResponseFormatJson);
        var format = (ChatResponseFormatJson)model.Requests[0].Options!.ResponseFormat!;
        format.SchemaName.Should().Be("Report_writer_reply");
        var schema = format.Schema!.Value;
        schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("thought", "done", "outputs");
        var outputs = schema.GetProperty("properties").GetProperty("outputs");
        outputs.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("summary", "count");
        outputs.GetProperty("properties").GetProperty("count").GetProperty("type").GetString().Should().Be("integer");
        outputs.GetProperty("properties").GetProperty("summary").GetProperty("maxLength").GetInt32().Should().BePositive();
        schema.GetProperty("properties").GetProperty("done").GetProperty("type").GetString().Should().Be("boolean");
    }

    [Fact]
    public async Task Structured_replies_can_be_turned_off_for_providers_that_reject_schemas()
    {
        var model = new ScriptedChatClient(new ChatScript().Complete(new { result = "ok" }));
        var agent = _fixture.Agent(model, _fixture.Config() with { StructuredReplies = false });

        await agent.RunAutonomousAsync("do it", 3, Ct);

        model.Requests.Should().ContainSingle().Which.Options!.ResponseFormat.Should().BeNull();
    }

    [Fact]
    public void A_reply_in_the_schema_shape_is_read_by_the_protocol()
    {
        var reply = JsonSerializer.Serialize(new { thought = "all done", done = true, outputs = new { result = "42" } });
        var parsed = AgentReplyProtocol.Parse(reply);
        parsed.Done.Should().BeTrue();
        parsed.Outputs!["result"]!.GetValue<string>().Should().Be("42");
    }

    [Fact]
    public async Task A_first_turn_tool_mode_applies_to_turn_one_only()
    {
        var model = new ScriptedChatClient(new ChatScript().CallTool("echo", new { text = "hi" }).Working("next").Complete(new { result = "ok" }));
        var registry = new Kaizen.Agents.Tools.ToolRegistry();
        registry.Register(AIFunctionFactory.Create((string text) => text, "echo", "Echoes"), Kaizen.Agents.Tools.DangerLevel.Safe);
        var agent = _fixture.Agent(model, services: new AgentServices { Tools = new Kaizen.Agents.Tools.ToolExecutor(registry) });

        await agent.RunAutonomousAsync(new AgentRunRequest("say hi") { MaxTurns = 5, FirstTurnToolMode = ChatToolMode.RequireSpecific("echo") }, Ct);

        model.Requests.Select(r => r.Options!.ToolMode is RequiredChatToolMode { RequiredFunctionName: "echo" }).Should().Equal(true, false, false);
    }

    [Fact]
    public async Task A_tool_mode_for_every_turn_applies_after_the_first_turn_choice()
    {
        var model = new ScriptedChatClient(new ChatScript().CallTool("echo", new { text = "a" }).CallTool("echo", new { text = "b" }).CallTool("echo", new { text = "c" }));
        var registry = new Kaizen.Agents.Tools.ToolRegistry();
        registry.Register(AIFunctionFactory.Create((string text) => text, "echo", "Echoes"), Kaizen.Agents.Tools.DangerLevel.Safe);
        var agent = _fixture.Agent(model, services: new AgentServices { Tools = new Kaizen.Agents.Tools.ToolExecutor(registry) });

        var result = await agent.RunAutonomousAsync(new AgentRunRequest("say hi")
        {
            MaxTurns = 3, FirstTurnToolMode = ChatToolMode.RequireSpecific("echo"), ToolMode = ChatToolMode.RequireAny,
        }, Ct);

        model.Requests.Select(r => r.Options!.ToolMode switch
        {
            RequiredChatToolMode { RequiredFunctionName: "echo" } => "echo",
            RequiredChatToolMode { RequiredFunctionName: null } => "any",
            _ => "auto",
        }).Should().Equal("echo", "any", "any");
        result.StopReason.Should().Be(AgentStopReason.MaxTurns);
    }

    [Fact]
    public async Task The_planner_asks_for_a_plan_in_the_parser_schema()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { steps = new[] { new { description = "a", expected_outcome = "b" } } })));

        await new Kaizen.Agents.Planning.Planner(model, maxSteps: 7).CreateAsync("goal", Ct);

        var format = model.Requests.Single().Options!.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Subject;
        var steps = format.Schema!.Value.GetProperty("properties").GetProperty("steps");
        steps.GetProperty("maxItems").GetInt32().Should().Be(7);
        steps.GetProperty("items").GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("description", "expected_outcome");
    }

    [Fact]
    public async Task A_first_plan_shorter_than_the_minimum_gets_the_repair_request()
    {
        var model = new ScriptedChatClient(new ChatScript()
            .Reply(ScriptedReply.Json(new { steps = new[] { new { description = "a", expected_outcome = "b" } } }))
            .Reply(ScriptedReply.Json(new { steps = new[] { new { description = "a", expected_outcome = "b" }, new { description = "c", expected_outcome = "d" } } })));

        var steps = await new Kaizen.Agents.Planning.Planner(model, maxSteps: 7, minSteps: 2).CreateAsync("goal", Ct);

        steps.Should().HaveCount(2);
        var format = (ChatResponseFormatJson)model.Requests[0].Options!.ResponseFormat!;
        format.Schema!.Value.GetProperty("properties").GetProperty("steps").GetProperty("minItems").GetInt32().Should().Be(2);
        model.Requests[1].LastUserText.Should().Contain("at least 2 are needed");
    }
}
