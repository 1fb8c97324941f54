using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>Every sample run of the Cucumber Compatibility Kit (npm ci --prefix tools/node) renders.</summary>
[Trait("Category", "livingdoc")]
public sealed class CompatibilityKitTests
{
    public static TheoryData<string> Samples()
    {
        if (!Directory.Exists(TestPaths.CckFeatures))
            throw new InvalidOperationException($"CCK samples missing at {TestPaths.CckFeatures}: run 'npm ci --prefix tools/node --no-audit --no-fund'");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.CckFeatures, "*.ndjson", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.CckFeatures, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_renders_from_its_own_sources_and_from_its_feature_folder(string sample)
    {
        var ndjson = Path.Combine(TestPaths.CckFeatures, sample);
        var folder = Path.GetDirectoryName(ndjson)!;

        var (fromSources, sourceDiagnostics, html) = await DocRendering.RenderAsync(null, [ndjson]);
        var (fromFolder, folderDiagnostics, _) = await DocRendering.RenderAsync(folder, [ndjson]);

        sourceDiagnostics.HasErrors.Should().BeFalse(string.Join("\n", sourceDiagnostics.Items));
        folderDiagnostics.HasErrors.Should().BeFalse(string.Join("\n", folderDiagnostics.Items));
        html.Should().Contain("id=\"living-doc-data\"");
        if (sample.StartsWith("markdown/", StringComparison.Ordinal))
        {
            // The feature folder holds only a .feature.md (not read by the folder loader); the run's own AST renders it.
            fromSources.Cases.Should().HaveCount(2);
            return;
        }
        var started = File.ReadLines(ndjson).Count(l => l.StartsWith("{\"testCase\":", StringComparison.Ordinal));
        fromSources.Cases.Count.Should().BeGreaterThanOrEqualTo(started);
        fromFolder.Cases.Select(c => (c.Name, c.Status)).Should().BeEquivalentTo(fromSources.Cases.Select(c => (c.Name, c.Status)));
    }

    [Fact]
    public async Task All_statuses_sample_gives_one_scenario_per_status()
    {
        var (model, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "all-statuses", "all-statuses.ndjson")]);

        model.Cases.Select(c => c.Status).Should().BeEquivalentTo(
            [Statuses.Passed, Statuses.Failed, Statuses.Pending, Statuses.Skipped, Statuses.Undefined, Statuses.Ambiguous]);
        model.Cases.Single(c => c.Status == Statuses.Failed).Steps.Single(s => s.Status == Statuses.Failed).Error.Should().Contain("whoops");
    }

    [Fact]
    public async Task Retry_sample_marks_scenarios_that_passed_after_a_retry_as_flaky()
    {
        var (model, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "retry", "retry.ndjson")]);

        var flaky = model.Cases.Where(c => c.Labels.Contains("flaky")).ToList();
        flaky.Should().NotBeEmpty().And.OnlyContain(c => c.Status == Statuses.Passed && c.Attempts > 1);
        model.Cases.Should().Contain(c => c.Status == Statuses.Failed && c.Attempts > 1 && !c.Labels.Contains("flaky"));
    }

    [Fact]
    public async Task Unused_steps_sample_lists_the_unused_definition()
    {
        var (model, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "unused-steps", "unused-steps.ndjson")]);

        model.StepDefinitions.Where(d => d.Uses == 0).Select(d => d.Pattern).Should().Equal("a step that is not used");
        model.StepDefinitions.Single(d => d.Uses > 0).Source.Should().Be("samples/unused-steps/unused-steps.ts:3");
    }

    [Fact]
    public async Task Attachments_sample_keeps_images_links_and_the_failing_step_error()
    {
        var (model, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "attachments", "attachments.ndjson")]);

        var attachments = model.Cases.SelectMany(c => c.Steps).SelectMany(s => s.Attachments).ToList();
        attachments.Should().Contain(a => a.MediaType == "application/pdf" && a.FileName == "renamed.pdf" && a.Base64);
        attachments.Should().Contain(a => a.MediaType == "text/uri-list" && a.Body == "https://cucumber.io");
        model.Cases.Single(c => c.Status == Statuses.Failed).Steps.Single(s => s.Status == Statuses.Failed).Attachments.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Failures_outside_scenarios_are_reported_on_the_run()
    {
        var (beforeAll, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "global-hooks-beforeall-error", "global-hooks-beforeall-error.ndjson")]);
        var (runException, _, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "test-run-exception", "test-run-exception.ndjson")]);

        beforeAll.Runs.Single().Errors.Should().ContainSingle().Which.Should().StartWith("BeforeAll hook at samples/global-hooks-beforeall-error/global-hooks-beforeall-error.ts:7 failed: BeforeAll hook went wrong");
        runException.Runs.Single().Errors.Should().Equal("The run failed: Whoops!");
        beforeAll.Cases.Should().OnlyContain(c => c.Status == Statuses.NotRun);
    }

    [Fact]
    public async Task Markdown_gherkin_renders_from_the_runs_own_gherkin_document()
    {
        var (model, diagnostics, _) = await DocRendering.RenderAsync(null, [Path.Combine(TestPaths.CckFeatures, "markdown", "markdown.ndjson")]);

        diagnostics.Items.Should().BeEmpty();
        var feature = model.Features.Single();
        (feature.Path, feature.Name).Should().Be(("samples/markdown/markdown.feature.md", "Cheese"));
        feature.Items.Single().Kind.Should().Be("rule");
        model.Cases.Select(c => c.Status).Should().BeEquivalentTo([Statuses.Failed, Statuses.Passed]);
        model.Cases.Single(c => c.Status == Statuses.Failed).Steps.Should().Contain(s => s.DocString != null && s.DocString.Content.Contains("reblochon"));
    }
}
