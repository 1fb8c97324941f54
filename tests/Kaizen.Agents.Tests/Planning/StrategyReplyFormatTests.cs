using System.Text.Json;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning.Strategies;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Planning;

/// <summary>The strategies ask for their replies in a JSON schema, so a model with structured output writes one they read.</summary>
[Trait("Category", "planning-lib")]
public sealed class StrategyReplyFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chain_of_thought_asks_for_steps_and_an_answer()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { steps = new[] { "a" }, answer = "b" })));

        await new ChainOfThoughtStrategy(model).SolveAsync("task", Ct);

        var schema = SchemaOf(model.Requests.Single().Options);
        schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("steps", "answer");
        schema.GetProperty("properties").GetProperty("steps").GetProperty("minItems").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Tree_of_thoughts_asks_for_at_most_its_branch_factor_and_a_bounded_score()
    {
        var model = new ScriptedChatClient(new ChatScript()
            .Reply(ScriptedReply.Json(new { thoughts = new[] { "x" } }))
            .Reply(ScriptedReply.Json(new { score = 5 }))
            .Reply(ScriptedReply.Json(new { answer = "y" })));

        await new TreeOfThoughtsStrategy(model, new TreeOfThoughtsOptions { BranchFactor = 3, MaxDepth = 1 }).SolveAsync("task", Ct);

        var (propose, score, answer) = (SchemaOf(model.Requests[0].Options), SchemaOf(model.Requests[1].Options), SchemaOf(model.Requests[2].Options));
        propose.GetProperty("properties").GetProperty("thoughts").GetProperty("maxItems").GetInt32().Should().Be(3);
        score.GetProperty("properties").GetProperty("score").GetProperty("maximum").GetInt32().Should().Be(10);
        answer.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("answer");
    }

    private static JsonElement SchemaOf(ChatOptions? options) =>
        options!.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Subject.Schema!.Value;
}
