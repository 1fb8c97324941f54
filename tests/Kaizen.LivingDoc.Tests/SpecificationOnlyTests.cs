using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class SpecificationOnlyTests
{
    [Fact]
    public async Task Every_scenario_of_the_feature_folder_is_shown_as_not_run()
    {
        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, []);

        diagnostics.Items.Should().BeEmpty();
        model.Runs.Should().BeEmpty();
        model.Features.Select(f => f.Path).Should().Equal(
            "memory/cold_tier.feature", "memory/hot_tier.feature", "planning/replan.feature", "tools/approval.feature");
        model.Cases.Should().HaveCount(8).And.OnlyContain(c => c.Status == Statuses.NotRun && c.History == "");
    }

    [Fact]
    public async Task Outline_rows_become_cases_named_after_their_values_and_grouped_under_rules()
    {
        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, []);

        var replan = model.Features.Single(f => f.Path == "planning/replan.feature");
        replan.Items.Select(i => (i.Kind, i.Name)).Should().Equal(("rule", "A failed step triggers a replan"), ("rule", "Plans have a budget"));
        var outline = replan.Items[0].Children.Single();
        outline.Kind.Should().Be("outline");
        outline.Examples.Single().Header.Should().Equal("steps", "failures", "replans");
        outline.Examples.Single().Rows.Select(r => r.CaseId).Should().Equal("planning/replan.feature:7:14", "planning/replan.feature:7:15");
        model.Cases.Single(c => c.Id == "planning/replan.feature:7:15").Name.Should().Be("Replan after 2 failures (steps: 5, failures: 2, replans: 2)");
        model.Cases.Single(c => c.Id == "planning/replan.feature:7:15").Rule.Should().Be("A failed step triggers a replan");
        model.Cases.Single(c => c.Id == "planning/replan.feature:7:15").Line.Should().Be(15);
        model.Cases.Single(c => c.Name == "A plan over budget is rejected").Line.Should().Be(19);
    }

    [Fact]
    public async Task Steps_keep_background_keywords_tables_and_doc_strings()
    {
        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, []);

        var roles = model.Case("Turns are stored with their roles");
        roles.Steps.Select(s => (s.Keyword.Trim(), s.FromBackground)).Should().Equal(("Given", true), ("When", false), ("Then", false));
        roles.Steps[1].DataTable.Should().BeEquivalentTo(new[] { new[] { "role", "content" }, new[] { "user", "plan my trip" }, new[] { "assistant", "where to?" } });
        var recall = model.Case("Similar memories are retrieved first");
        recall.Steps[0].DocString!.MediaType.Should().Be("markdown");
        recall.Steps[0].DocString!.Content.Should().Be("# Trip notes\nThe user prefers trains.");
        roles.Tags.Should().Equal("@memory", "@core");
    }

    [Fact]
    public async Task Feature_descriptions_are_rendered_as_markdown_without_raw_html()
    {
        var (model, _, html) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, []);

        var hot = model.Features.Single(f => f.Path == "memory/hot_tier.feature");
        hot.DescriptionHtml.Should().Contain("<strong>most recent turns</strong>").And.Contain("<li>capacity is counted in turns</li>");
        html.Should().Contain("<script type=\"application/json\" id=\"living-doc-data\">")
            .And.NotContain("<script src").And.NotContain("<link ").And.NotContain("http://").And.NotContain("@import");
    }
}
