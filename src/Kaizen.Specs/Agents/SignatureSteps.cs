using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Agents;

/// <summary>
/// Steps about an agent's signature: what the library tells the model to return, how it reads the final reply, the
/// repair round, and the last turn spent on the answer. The outputs checked are the ones the library accepted.
/// </summary>
[Binding]
public sealed class SignatureSteps(AgentWorld world, ModelTranscript transcript)
{
    private readonly List<SignatureField> _outputs = [];
    private readonly Dictionary<string, string> _typeNames = [];
    private Exception? _failure;
    private int _callsBefore;

    [Given("an agent whose signature asks for:")]
    public void SignatureAsksFor(DataTable table)
    {
        var signature = new Signature("Triage", "You triage incident reports.").Input("task", "The report to triage");
        foreach (var row in table.Rows)
        {
            var field = new SignatureField(row["output"], $"the {row["output"]} of the triage", TypeNamed(row["type"]));
            signature.Output(field.Name, field.Description, field.Type);
            _outputs.Add(field);
            _typeNames[field.Name] = row["type"];
        }
        world.Signature = signature;
        world.Config = world.Config with { EnableCheckpoints = true, CheckpointInterval = 1 };
        // Only the scripted provider reads this: a final reply with every output of its type.
        world.Script = new ChatScript().CallTool("list_directory", new { path = "." }).Complete(Outputs(leaveOut: null));
    }

    [Given("the agent must answer on its last turn")]
    public void AnswerOnLastTurn() => world.Config = world.Config with { AnswerOnLastTurn = true };

    [Given("the model's final reply leaves out {string} once")]
    public void LeavesOutOnce(string output) =>
        world.Script = new ChatScript().Working("reading the report").Complete(Outputs(leaveOut: output)).Complete(Outputs(leaveOut: null));

    [Given("the model's final reply leaves out {string} twice")]
    public void LeavesOutTwice(string output) =>
        world.Script = new ChatScript().Working("reading the report").Complete(Outputs(leaveOut: output)).Complete(Outputs(leaveOut: output));

    [Given("the model's final reply, wrapped in prose, gives {string} as {word} once")]
    public void WrongTypeInProse(string output, string json)
    {
        var wrong = ((Dictionary<string, object>)Outputs(leaveOut: null))
            .ToDictionary(p => p.Key, p => p.Key == output ? JsonSerializer.Deserialize<JsonElement>(json) : p.Value);
        // Models without a reply grammar often put a sentence before and after the JSON they were asked for.
        static string InProse(object outputs) => $"Here is my triage: {AgentReplyProtocol.FormatCompletion(outputs)} Let me know if you need more.";
        world.Script = new ChatScript().Working("reading the report").Say(InProse(wrong)).Say(InProse(Outputs(leaveOut: null)));
    }

    [Given("the model's first reply is the broken JSON {string}, then its final reply")]
    public void BrokenFirstReply(string broken) =>
        world.Script = new ChatScript().Reply(ScriptedReply.RawJson(broken)).Complete(Outputs(leaveOut: null));

    [Then("the model was told once that its reply was not valid JSON")]
    public void ToldInvalidJson() =>
        transcript.Of(world.Agent!.AgentId).Select(call => call.Request.Last())
            .Should().ContainSingle(message => message.Role == ChatRole.User && message.Text.StartsWith("Your reply could not be used: invalid JSON", StringComparison.Ordinal));

    [Then("the model was never asked to repair a reply")]
    public void NeverAskedToRepair() =>
        transcript.Of(world.Agent!.AgentId).SelectMany(call => call.Request)
            .Should().NotContain(message => message.Text.Contains("could not be used", StringComparison.Ordinal));

    [Then("the model was told that {string} should be {word}")]
    public void ToldWrongType(string output, string kind) =>
        transcript.Of(world.Agent!.AgentId).Select(call => call.Request.Last())
            .Should().ContainSingle(message => message.Role == ChatRole.User && message.Text.Contains($"\"{output}\" should be {kind}"), "the library sends the problem back once");

    [Given("the agent's signature also takes the input {string}")]
    public void AlsoTakesInput(string input)
    {
        world.Signature!.Input(input, $"the {input} the report comes from");
        world.Script = new ChatScript().Complete(Outputs(leaveOut: null));
    }

    [When("the agent works on {string} in the region {string} for at most {int} turns")]
    public Task WorksInRegion(string task, string region, int turns)
    {
        world.Inputs = new Dictionary<string, string> { ["region"] = region };
        return world.RunAsync(task, turns);
    }

    [When("the agent is asked to work on {string} without a region")]
    public async Task WorksWithoutRegion(string task)
    {
        _callsBefore = transcript.Exchanges.Count;
        world.Inputs = new Dictionary<string, string>();
        await RunExpectingFailureAsync(task, 1);
    }

    [Then("the model was given the region {string} with the task")]
    public void GivenRegion(string region) =>
        transcript.Of(world.Agent!.AgentId)[0].Request.Should().Contain(m => m.Role == ChatRole.User && m.Text.Contains($"region: {region}"),
            "the library adds each input to the task it sends");

    [Then("the run is refused before any model call, naming the missing input {string}")]
    public void RefusedNamingInput(string input)
    {
        _failure.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain($"'{input}'");
        transcript.Exchanges.Should().HaveCount(_callsBefore, "nothing reaches the model without the input");
    }

    [When("the agent works on {string} for at most {int} turns, which fails")]
    public Task WorksAndFails(string task, int turns) => RunExpectingFailureAsync(task, turns);

    private async Task RunExpectingFailureAsync(string task, int turns)
    {
        try { await world.RunAsync(task, turns); }
        catch (Exception failure) { _failure = failure; }
    }

    [Then("the run completed on turn {int}")]
    public void CompletedOnTurn(int turn)
    {
        var result = world.RequireResult();
        result.StopReason.Should().Be(AgentStopReason.Completed, "the last turn asks for the final outputs");
        result.Turns.Should().Be(turn);
    }

    [Then("the run completed")]
    public void Completed() => world.RequireResult().StopReason.Should().Be(AgentStopReason.Completed);

    [Then("every declared output was returned, each of its type")]
    public void EveryOutputOfItsType()
    {
        var outputs = world.RequireResult().Outputs;
        outputs.Keys.Should().BeEquivalentTo(_outputs.Select(o => o.Name));
        foreach (var field in _outputs)
            KindOf(field.Type).Should().Contain(outputs[field.Name].ValueKind, "\"{0}\" is declared as {1}", field.Name, field.Type);
        world.RequireResult().GetOutput<long>("priority").Should().Be(outputs["priority"].GetInt64(), "an integer output reads as a whole number");
    }

    [Then("the model was told each output with its type")]
    public void ToldEachOutput()
    {
        var system = transcript.Of(world.Agent!.AgentId)[0].Request.First(m => m.Role == ChatRole.System).Text;
        foreach (var field in _outputs)
            system.Should().Contain($"- {field.Name} ({_typeNames[field.Name]})");
    }

    [Then("on its last turn the model was offered no tools and could only reply with its final outputs")]
    public void LastTurnOffersOnlyTheAnswer()
    {
        var calls = transcript.Of(world.Agent!.AgentId);
        var last = calls[^1].Options!;
        last.Tools.Should().BeNullOrEmpty("the last turn is for the answer");
        DoneSchema(last).GetProperty("const").GetBoolean().Should().BeTrue("the schema allows only \"done\": true");
        calls[^1].Request[^1].Role.Should().Be(ChatRole.User, "the model is told it is its last turn");
        foreach (var earlier in calls.SkipLast(1))
            DoneSchema(earlier.Options!).TryGetProperty("const", out _).Should().BeFalse("only the last turn forces the answer");
    }

    [Then("the model was told that {string} is missing")]
    public void ToldMissing(string output) =>
        transcript.Of(world.Agent!.AgentId).Select(call => call.Request.Last())
            .Should().Contain(message => message.Role == ChatRole.User && message.Text.Contains($"\"{output}\" is missing"), "the library sends the problem back once");

    [Then("the run failed because {string} is missing after one repair")]
    public void FailedMissing(string output)
    {
        var failure = _failure.Should().BeOfType<SignatureOutputException>().Subject;
        failure.Problem.Should().Contain($"\"{output}\" is missing");
        transcript.Of(world.Agent!.AgentId).Count(call => call.Request[^1].Text.Contains($"\"{output}\" is missing")).Should().Be(1, "one repair round, not more");
    }

    [Then("a checkpoint of the last consistent turn was kept")]
    public async Task CheckpointOfLastConsistentTurn()
    {
        var failedTurn = world.Events.OfType<TurnStarted>().Max(e => e.Turn);
        var checkpoints = await world.CheckpointsAsync();
        checkpoints.Should().NotBeEmpty();
        checkpoints[^1].Turn.Should().Be(failedTurn - 1, "the failed turn changed nothing");
        (await world.Agent!.Checkpoints.LoadAsync(checkpoints[^1].Id)).State.Completed.Should().BeFalse();
    }

    private object Outputs(string? leaveOut) => _outputs
        .Where(o => o.Name != leaveOut)
        .ToDictionary(o => o.Name, o => o.Type switch
        {
            SignatureFieldType.Integer => (object)2,
            SignatureFieldType.List => new[] { "page the on-call engineer" },
            SignatureFieldType.Number => 0.8,
            SignatureFieldType.Boolean => true,
            SignatureFieldType.Object => new Dictionary<string, object> { ["service"] = "payments" },
            _ => "The payment API failed for 20 minutes.",
        });

    private static JsonElement DoneSchema(ChatOptions options) =>
        ((ChatResponseFormatJson)options.ResponseFormat!).Schema!.Value.GetProperty("properties").GetProperty("done");

    private static SignatureFieldType TypeNamed(string type) => type switch
    {
        "text" => SignatureFieldType.Text,
        "integer" => SignatureFieldType.Integer,
        "list" => SignatureFieldType.List,
        "number" => SignatureFieldType.Number,
        "boolean" => SignatureFieldType.Boolean,
        "object" => SignatureFieldType.Object,
        _ => throw new ArgumentException($"Unknown output type '{type}' (text, integer, list, number, boolean, object)."),
    };

    private static JsonValueKind[] KindOf(SignatureFieldType type) => type switch
    {
        SignatureFieldType.Integer or SignatureFieldType.Number => [JsonValueKind.Number],
        SignatureFieldType.List => [JsonValueKind.Array],
        SignatureFieldType.Boolean => [JsonValueKind.True, JsonValueKind.False],
        SignatureFieldType.Object => [JsonValueKind.Object],
        _ => [JsonValueKind.String],
    };
}
