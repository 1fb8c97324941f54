using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class ResultsOverlayTests
{
    private static readonly string Scratch = TestPaths.NewScratchFolder();

    [Fact]
    public async Task A_failed_scenario_shows_its_error_on_the_failing_step_and_skips_the_rest()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures)
            .Fail("Overflow moves the oldest turn to the warm tier", "Expected 3 turns but found 4", stepIndex: 2)
            .WriteAsync(Path.Combine(Scratch, "failed.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        diagnostics.Items.Should().BeEmpty();
        var overflow = model.Case("Overflow moves the oldest turn to the warm tier");
        overflow.Status.Should().Be(Statuses.Failed);
        overflow.Steps.Select(s => s.Status).Should().Equal(Statuses.Passed, Statuses.Passed, Statuses.Failed, Statuses.Skipped);
        overflow.Steps[2].Error.Should().Be("Expected 3 turns but found 4");
        overflow.Steps[2].Text.Should().Be("the hot memory holds 3 turns");
        overflow.DurationMs.Should().BeApproximately(7 + 14 + 21, 0.5);
        model.Cases.Where(c => c != overflow).Should().OnlyContain(c => c.Status == Statuses.Passed);
        model.Runs.Single().Counts[Statuses.Passed].Should().Be(7);
        model.Runs.Single().Counts[Statuses.Failed].Should().Be(1);
        model.Runs.Single().Implementation.Should().Be("fixture-runner 1.0.0");
    }

    [Fact]
    public async Task Other_statuses_and_attachments_are_carried_to_the_step()
    {
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures)
            .Status("A dangerous tool waits for approval", "UNDEFINED", stepIndex: 1)
            .Status("A plan over budget is rejected", "PENDING", stepIndex: 0)
            .Attach("Recent turns are kept verbatim", "image/png", png, "BASE64", "screen.png")
            .Attach("Recent turns are kept verbatim", "text/x.cucumber.log+plain", "stored 1 turn")
            .WriteAsync(Path.Combine(Scratch, "statuses.ndjson"));

        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        var tool = model.Case("A dangerous tool waits for approval");
        tool.Status.Should().Be(Statuses.Undefined);
        tool.Steps[1].Error.Should().Be("No step definition matches this step.");
        model.Case("A plan over budget is rejected").Status.Should().Be(Statuses.Pending);
        var attachments = model.Case("Recent turns are kept verbatim").Steps[^1].Attachments;
        attachments.Select(a => (a.MediaType, a.Base64, a.FileName)).Should().Equal(("image/png", true, "screen.png"), ("text/x.cucumber.log+plain", false, null));
        attachments[0].Body.Should().Be(png);
    }

    [Fact]
    public async Task Llm_usage_attachments_are_summed_per_scenario_and_run_and_hidden_from_attachments()
    {
        const string usage = "application/vnd.kaizen.llm-usage+json";
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures)
            .Attach("Recent turns are kept verbatim", usage, """{"inputTokens":1200,"outputTokens":80,"costUsd":0.0125,"model":"qwen2.5:3b","calls":2}""")
            .Attach("Recent turns are kept verbatim", usage, """{"inputTokens":300,"outputTokens":20,"costUsd":0.0025,"model":"gpt-4o-mini"}""")
            .Attach("A dangerous tool waits for approval", usage, Convert.ToBase64String("""{"inputTokens":10,"outputTokens":5}"""u8.ToArray()), "BASE64")
            .Attach("A plan over budget is rejected", usage, "not json")
            .WriteAsync(Path.Combine(Scratch, "llm.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        var recent = model.Case("Recent turns are kept verbatim");
        recent.Llm.Should().BeEquivalentTo(new LlmUsage(1500, 100, 0.015m, 3, ["qwen2.5:3b", "gpt-4o-mini"]));
        recent.Steps.SelectMany(s => s.Attachments).Should().BeEmpty();
        model.Case("A dangerous tool waits for approval").Llm.Should().BeEquivalentTo(new LlmUsage(10, 5, null, 1, []));
        model.Runs.Single().Llm!.InputTokens.Should().Be(1510);
        model.Case("A plan over budget is rejected").Steps[^1].Attachments.Single().Body.Should().Be("not json");
        diagnostics.Items.Should().ContainSingle(d => d.Message.Contains("LLM usage attachment body is not JSON"));
    }

    [Fact]
    public async Task Runs_written_with_absolute_uris_still_match_the_feature_folder()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures, uriPrefix: "/home/ci/build/kaizen/features/")
            .Fail("Similar memories are retrieved first", "boom")
            .WriteAsync(Path.Combine(Scratch, "absolute.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        diagnostics.Items.Should().BeEmpty();
        model.Case("Similar memories are retrieved first").Status.Should().Be(Statuses.Failed);
        model.Cases.Should().NotContain(c => c.Status == Statuses.NotRun);
    }

    [Fact]
    public async Task Without_a_feature_folder_the_runs_own_sources_are_the_specification()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures).Fail("A dangerous tool waits for approval", "denied").WriteAsync(Path.Combine(Scratch, "sources.ndjson"));

        var (model, _, _) = await DocRendering.RenderAsync(null, [run]);

        model.Features.Select(f => f.Path).Should().Contain("features/tools/approval.feature");
        model.Cases.Should().HaveCount(8);
        model.Case("A dangerous tool waits for approval").Steps[^1].Error.Should().Be("denied");
    }

    [Fact]
    public async Task Step_definitions_never_used_are_listed_first()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures)
            .WithUnusedStepDefinition("the agent forgets {string}")
            .WriteAsync(Path.Combine(Scratch, "unused.ndjson"));

        var (model, _, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        model.StepDefinitions.Should().Contain(d => d.Uses > 0);
        model.StepDefinitions.Where(d => d.Uses == 0).Select(d => d.Pattern).Should().Equal("the agent forgets {string}");
        model.StepDefinitions[0].Pattern.Should().Be("the agent forgets {string}");
        model.StepDefinitions.Single(d => d.Pattern == "an agent with a hot memory of 3 turns").Uses.Should().Be(3, "the background runs before each of the 3 scenarios");
    }

    [Fact]
    public async Task Without_gherkin_documents_pickle_locations_tie_results_to_scenarios_and_rows()
    {
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures).WithoutGherkinDocuments()
            .Fail("Replan after 2 failures", "two failures were one too many")
            .WriteAsync(Path.Combine(Scratch, "no-documents.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [run]);

        diagnostics.Items.Should().BeEmpty();
        model.Cases.Single(c => c.Id == "planning/replan.feature:7:15").Status.Should().Be(Statuses.Failed);
        model.Cases.Where(c => c.Id != "planning/replan.feature:7:15").Should().OnlyContain(c => c.Status == Statuses.Passed);
    }
}
