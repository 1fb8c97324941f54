using System.Text.Json.Nodes;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class SignatureTests
{
    private static Signature Research() => new Signature("Research", "Find facts.")
        .Input("topic", "What to research")
        .Output("summary", "Short summary")
        .Output("sources", "URLs", SignatureFieldType.List)
        .Output("confidence", "0..1", SignatureFieldType.Number, required: false);

    [Fact]
    public void The_prompt_names_fields_types_descriptions_and_the_reply_protocol()
    {
        var text = Research().Describe();
        text.Should().StartWith("Find facts.")
            .And.Contain("- topic (text): What to research")
            .And.Contain("- sources (list): URLs")
            .And.Contain("- confidence (number, optional): 0..1")
            .And.Contain("{\"done\": true, \"outputs\": {\"summary\": \"...\", \"sources\": [...], \"confidence\": 0.0}}");
    }

    [Fact]
    public void Outputs_are_read_and_type_checked()
    {
        var (values, problem) = Research().ReadOutputs(JsonNode.Parse("""{"summary":"s","sources":["a"],"confidence":0.5}""")!.AsObject());
        problem.Should().BeNull();
        values!["sources"].GetArrayLength().Should().Be(1);

        var (_, bad) = Research().ReadOutputs(JsonNode.Parse("""{"sources":"a"}""")!.AsObject());
        bad.Should().Be("\"summary\" is missing; \"sources\" should be list but is string");
    }

    [Fact]
    public void Field_names_must_be_identifiers_and_unique()
    {
        FluentActions.Invoking(() => new Signature("S").Input("bad name", "x")).Should().Throw<ArgumentException>().WithMessage("*must be an identifier*");
        FluentActions.Invoking(() => new Signature("S").Input("a", "x").Output("a", "y")).Should().Throw<ArgumentException>().WithMessage("*already has a field named 'a'*");
    }

    [Theory]
    [InlineData("""{"done":true,"outputs":{"result":"x"}}""", true, null)]
    [InlineData("Sure! ```json\n{\"done\": true, \"outputs\": {\"result\": \"x\"}}\n```", true, null)]
    [InlineData("""{"done":false,"thought":"later"}""", false, null)]
    [InlineData("just prose", false, null)]
    [InlineData("{\"done\": true, \"outputs\": {\"result\": \"x\"", true, "invalid JSON")]
    public void Replies_are_parsed_leniently(string text, bool done, string? error)
    {
        var parsed = AgentReplyProtocol.Parse(text);
        parsed.Done.Should().Be(done);
        if (error is null) parsed.JsonError.Should().BeNull();
        else parsed.JsonError.Should().StartWith(error);
    }
}
