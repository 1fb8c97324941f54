using Kaizen.Bdd.Snippets;

namespace Kaizen.Bdd.Tests.Snippets;

[Trait("Category", "snippets")]
public sealed class StepSnippetGeneratorTests
{
    [Fact]
    public void Integers_become_int_parameters_named_after_the_following_word()
    {
        var snippet = StepSnippetGenerator.Generate("Given", "I have 42 cukes in my belly");

        snippet.Code.Should().Be(
            "[Given(\"I have {int} cukes in my belly\")]\n"
            + "public void GivenIHaveCukesInMyBelly(int cukes)\n"
            + "{\n"
            + "    throw new PendingStepException();\n"
            + "}");
    }

    [Fact]
    public void Quoted_text_becomes_string_and_decimals_float()
    {
        var snippet = StepSnippetGenerator.Generate("When", "the user \"bob\" pays 3.50 euros and 'tip' 2 times");

        snippet.Expression.Should().Be("the user {string} pays {float} euros and {string} {int} times");
        snippet.Parameters.Should().Equal(
            new SnippetParameter("string", "user"),
            new SnippetParameter("float", "euros"),
            new SnippetParameter("string", "and"),
            new SnippetParameter("int", "times"));
        snippet.MethodName.Should().Be("WhenTheUserPaysEurosAndTimes");
    }

    [Fact]
    public void Numbers_inside_words_and_quotes_stay_literal()
    {
        var snippet = StepSnippetGenerator.Generate("Then", "version v2 says \"42\"");

        snippet.Expression.Should().Be("version v2 says {string}");
        snippet.Parameters.Should().Equal(new SnippetParameter("string", "says"));
    }

    [Fact]
    public void Repeated_names_get_numbered_and_defaults_are_used_when_no_word_fits()
    {
        var snippet = StepSnippetGenerator.Generate("Given", "\"a\" \"b\" 1 2");

        snippet.Parameters.Select(p => p.Name).Should().Equal("text", "text2", "number", "number2");
    }

    [Fact]
    public void Table_or_doc_string_is_the_last_parameter()
    {
        StepSnippetGenerator.Generate("Given", "the following 2 users", StepArgumentKind.DataTable)
            .Parameters.Should().Equal(new SnippetParameter("int", "users"), new SnippetParameter("DataTable", "dataTable"));
        StepSnippetGenerator.Generate("Then", "the body is", StepArgumentKind.DocString)
            .Code.Should().Contain("public void ThenTheBodyIs(DocString docString)");
    }

    [Fact]
    public void Cucumber_expression_syntax_is_escaped_and_the_attribute_is_a_valid_csharp_string()
    {
        var snippet = StepSnippetGenerator.Generate("Given", @"a path a/b (c) {d} \e");

        snippet.Expression.Should().Be(@"a path a\/b \(c) \{d} \\e");
        snippet.Code.Should().StartWith(@"[Given(""a path a\\/b \\(c) \\{d} \\\\e"")]");
    }

    [Theory]
    [InlineData("And", "Given")]
    [InlineData("when ", "When")]
    [InlineData("THEN", "Then")]
    public void Keyword_is_normalised(string keyword, string attribute)
    {
        StepSnippetGenerator.Generate(keyword, "x").Keyword.Should().Be(attribute);
    }

    [Fact]
    public void Keyword_parameter_names_are_escaped()
    {
        StepSnippetGenerator.Generate("Given", "I add 3 in total").Parameters.Single().Name.Should().Be("@in");
    }
}
