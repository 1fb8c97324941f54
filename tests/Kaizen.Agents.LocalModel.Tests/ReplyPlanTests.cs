using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>What a request turns into before generation: the grammar, and when a reply may stop.</summary>
[Trait("Category", "local-model")]
public sealed class ReplyPlanTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""").RootElement;

    [Fact]
    public void A_grammar_reply_is_not_stopped_by_template_markers_inside_its_strings()
    {
        // The model writes "<|user|>" inside JSON strings at times; the grammar, not a marker, ends a structured reply.
        var plan = ReplyPlan.For(new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema), StopSequences = ["END"] }, new LocalModelOptions());

        plan.Grammar.Should().NotBeNull();
        plan.StopSequences.Should().Equal("END");
    }

    [Fact]
    public void Plain_text_stops_at_the_template_markers()
    {
        var plan = ReplyPlan.For(new ChatOptions(), new LocalModelOptions());

        plan.Grammar.Should().BeNull();
        plan.StopSequences.Should().Contain(["</s>", "<|user|>"]);
    }
}
