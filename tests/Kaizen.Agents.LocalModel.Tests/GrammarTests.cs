using System.Text.Json;
using Kaizen.Agents.LocalModel.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>Grammars built from schemas are accepted by llama.cpp's grammar parser (with the real model's vocabulary).</summary>
[Trait("Category", "local-model")]
public sealed class GrammarTests(LocalModelFixture model)
{
    public static TheoryData<string> Schemas =>
    [
        """{"type":"object","properties":{"done":{"type":"boolean"},"thought":{"type":"string"}},"required":["done"]}""",
        """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""",
        """{"type":"object"}""",
        """{}""",
        """{"type":"array","items":{"type":"number"},"minItems":1,"maxItems":3}""",
        """{"type":["string","null"],"maxLength":5}""",
        """{"anyOf":[{"type":"object","properties":{"x":{"const":1}},"required":["x"]},{"type":"string","enum":["a","b \"quoted\""]}]}""",
        """{"$defs":{"node":{"type":"object","properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["name"]}},"$ref":"#/$defs/node"}""",
        """{"type":"object","properties":{"ü-key with space":{"type":"string","minLength":2,"maxLength":4}},"required":["ü-key with space"]}""",
        """{"type":"object","additionalProperties":{"type":"integer"}}""",
    ];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void A_schema_grammar_is_accepted_by_llama_cpp(string schema)
    {
        var grammar = JsonSchemaGrammar.ForSchema(JsonDocument.Parse(schema).RootElement);
        using var chain = SamplerFactory.Create(model.Client.Weights.Weights.Vocab, grammar, 0, 0, 1);
        chain.Count.Should().BeGreaterThan(1, grammar);
    }

    [Fact]
    public void A_tool_grammar_is_accepted_by_llama_cpp()
    {
        AIFunction[] tools = [AIFunctionFactory.Create((string path, int depth) => "", "list_directory"), AIFunctionFactory.Create(() => "", "now")];
        var grammar = ToolCallGrammar.Build(tools, ChatResponseFormat.Text, new GrammarLimits());
        using var chain = SamplerFactory.Create(model.Client.Weights.Weights.Vocab, grammar, 0, 0, 1);
        chain.Count.Should().BeGreaterThan(1, grammar);
    }

    [Fact]
    public void Every_string_in_a_schema_grammar_is_bounded()
    {
        var grammar = JsonSchemaGrammar.ForSchema(JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"array","items":{"type":"string","maxLength":1000}}}}""").RootElement, new GrammarLimits(MaxStringLength: 50, MaxArrayItems: 4));
        grammar.Should().NotContain("*").And.NotContain("+");
        grammar.Should().Contain("{0,50}").And.NotContain("{0,1000}").And.Contain("{0,3}");
    }
}
