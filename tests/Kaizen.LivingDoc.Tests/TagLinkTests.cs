using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class TagLinkTests
{
    private static readonly string Scratch = TestPaths.NewScratchFolder();

    [Fact]
    public async Task Tags_matching_a_reqnroll_tag_link_pattern_get_their_url()
    {
        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [], Path.Combine(TestPaths.RepoRoot, "reqnroll.json"));

        diagnostics.Items.Should().BeEmpty();
        model.TagLinks.Should().Equal(new Dictionary<string, string> { ["@issue:42"] = "https://example.invalid/kaizen/issues/42" });
    }

    [Fact]
    public async Task Several_patterns_and_named_groups_fill_the_template_and_the_whole_tag_must_match()
    {
        var config = Path.Combine(Scratch, "links.json");
        await File.WriteAllTextAsync(config, """
            {
              // comments are allowed, as in Reqnroll
              "ide": { "traceability": { "tagLinks": [
                { "tagPattern": "iss(ue)?:(?<id>\\d+)", "urlTemplate": "https://tracker.invalid/{id}" },
                { "tagPattern": "(?<area>memory|tools)", "urlTemplate": "https://wiki.invalid/areas/{area}" },
              ] } }
            }
            """, TestContext.Current.CancellationToken);

        var (model, _, html) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [], config);

        model.TagLinks.Should().Equal(new Dictionary<string, string>
        {
            ["@issue:42"] = "https://tracker.invalid/42",
            ["@memory"] = "https://wiki.invalid/areas/memory",
            ["@tools"] = "https://wiki.invalid/areas/tools",
        });
        html.Should().Contain("https://tracker.invalid/42");
    }

    [Fact]
    public async Task An_invalid_pattern_is_an_error_naming_the_config_file()
    {
        var config = Path.Combine(Scratch, "bad.json");
        await File.WriteAllTextAsync(config, """{"ide":{"traceability":{"tagLinks":[{"tagPattern":"issue:(?<id>\\d+","urlTemplate":"u/{id}"}]}}}""", TestContext.Current.CancellationToken);

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [], config);

        var error = diagnostics.Items.Should().ContainSingle().Subject;
        (error.Severity, error.File).Should().Be((Severity.Error, config));
        error.Message.Should().StartWith("tagPattern 'issue:(?<id>\\d+' is not a valid regular expression");
        model.TagLinks.Should().BeEmpty();
    }
}
