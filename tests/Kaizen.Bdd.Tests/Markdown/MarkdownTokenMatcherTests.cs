using System.Text.Json.Nodes;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Markdown;
using Kaizen.Bdd.Messages.Serialization;
using Kaizen.Bdd.Tests.Cck;

namespace Kaizen.Bdd.Tests.Markdown;

[Trait("Category", "markdown")]
public sealed class MarkdownTokenMatcherTests
{
    private static (GherkinDocument Document, List<Pickle> Pickles) Parse(string markdown, string uri = "x.feature.md")
    {
        var ids = new IncrementingIdGenerator();
        var ast = new Parser().Parse(new TokenScanner(new StringReader(markdown)), new MarkdownTokenMatcher());
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        return (document, new PickleCompiler(ids).Compile(document));
    }

    private static JsonObject Json(object envelopeBody, string kind) =>
        new() { [kind] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(envelopeBody, envelopeBody.GetType(), NdjsonSerializer.Options)) };

    [Fact]
    public void The_kits_markdown_sample_parses_to_the_kits_document_and_pickles()
    {
        var folder = Path.Combine(RepositoryPaths.CckFeatures, "markdown");
        var kit = File.ReadAllLines(Path.Combine(folder, "markdown.ndjson")).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(e => EnvelopeNormalizer.Kind(e) is "gherkinDocument" or "pickle").ToList();

        var (document, pickles) = Parse(File.ReadAllText(Path.Combine(folder, "markdown.feature.md")), "samples/markdown/markdown.feature.md");
        var ours = new List<JsonObject> { Json(document, "gherkinDocument") };
        ours.AddRange(pickles.Select(p => Json(p, "pickle")));

        EnvelopeComparer.FindFirstDifference(EnvelopeNormalizer.Normalize(kit), EnvelopeNormalizer.Normalize(ours)).Should().BeNull();
    }

    [Fact]
    public void Headers_bullets_fences_indented_tables_and_code_span_tags_are_gherkin_the_rest_is_ignored()
    {
        const string markdown = """
            # Feature: Orders

            Some prose that is not Gherkin.

            | not | a gherkin table |
            |-----|-----------------|

            `@fast` `@orders`
            ## Scenario: placing an order

            - Given a customer
              ```json
              {"id": 1}
              ```
            + When they order:
              | item  | qty |
              | ----- | --: |
              | bread | 2   |
            * Then it is stored
            """;

        var (document, pickles) = Parse(markdown);

        var feature = document.Feature;
        feature.Name.Should().Be("Orders");
        var scenario = feature.Children.Single().Scenario;
        scenario.Name.Should().Be("placing an order");
        scenario.Tags.Select(t => (t.Name, t.Location.Column)).Should().Equal(("@fast", 2L), ("@orders", 10L));
        scenario.Steps.Select(s => s.Keyword + s.Text).Should().Equal("Given a customer", "When they order:", "Then it is stored");
        scenario.Steps[0].DocString.Content.Should().Be("{\"id\": 1}");
        scenario.Steps[0].DocString.MediaType.Should().Be("json");
        scenario.Steps[1].DataTable.Rows.Select(r => string.Join(",", r.Cells.Select(c => c.Value))).Should().Equal("item,qty", "bread,2");
        pickles.Single().Tags.Select(t => t.Name).Should().Equal("@fast", "@orders");
    }

    [Fact]
    public void Media_type_and_matcher_follow_the_file_name()
    {
        MarkdownGherkin.IsMarkdown("features/a.feature.md").Should().BeTrue();
        MarkdownGherkin.IsMarkdown("features/a.feature").Should().BeFalse();
        MarkdownGherkin.MediaType("a.feature.md").Should().Be(SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN);
        MarkdownGherkin.CreateTokenMatcher("a.feature", "en").Should().BeOfType<TokenMatcher>();
        MarkdownGherkin.CreateTokenMatcher("a.md", "en").Should().BeOfType<MarkdownTokenMatcher>();
    }
}
