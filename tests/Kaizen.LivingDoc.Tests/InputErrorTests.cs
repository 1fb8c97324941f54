using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class InputErrorTests
{
    private static readonly string Scratch = TestPaths.NewScratchFolder();

    [Fact]
    public async Task A_malformed_line_is_reported_with_file_and_line_and_the_rest_still_renders()
    {
        var path = await new MessagesRunBuilder(TestPaths.FixtureFeatures).Fail("A dangerous tool waits for approval", "denied").WriteAsync(Path.Combine(Scratch, "malformed.ndjson"));
        var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).ToList();
        lines.Insert(5, "{\"pickle\": {\"id\": \"oops\",");
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var (model, diagnostics, html) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [path]);

        var error = diagnostics.Items.Should().ContainSingle(d => d.Severity == Severity.Error).Subject;
        error.File.Should().Be(path);
        error.Line.Should().Be(6);
        error.ToString().Should().StartWith($"error: {path}:6: not valid JSON");
        model.Case("A dangerous tool waits for approval").Status.Should().Be(Statuses.Failed);
        model.Diagnostics.Should().ContainSingle(d => d.Contains(":6:"));
        html.Should().Contain(":6: not valid JSON", "the page lists the input problems");
    }

    [Fact]
    public async Task An_interrupted_run_renders_what_it_recorded()
    {
        var path = await new MessagesRunBuilder(TestPaths.FixtureFeatures).Only("memory/hot_tier.feature").Unfinished()
            .AppendRawLine("{\"testCaseStarted\":{\"id\":\"late\",\"testCaseId\":\"tc-0\",\"attempt\":5,\"timestamp\":{\"seconds\":1,\"nanos\":0}}}")
            .AppendRawLine("{\"testStepFinished\":{\"testCaseStartedId\":\"late\",\"testStepId\":\"tc-0-s0\",\"testStepRes")
            .WriteAsync(Path.Combine(Scratch, "interrupted.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [path]);

        diagnostics.Items.Should().Contain(d => d.Severity == Severity.Warning && d.Message.Contains("last line is cut off"));
        diagnostics.Items.Should().Contain(d => d.Message.Contains("no testRunFinished envelope"));
        model.Runs.Single().Complete.Should().BeFalse();
        model.Case("Recent turns are kept verbatim").Status.Should().Be(Statuses.Unknown, "its last attempt started but never finished");
        model.Case("Overflow moves the oldest turn to the warm tier").Status.Should().Be(Statuses.Passed);
        model.Case("A dangerous tool waits for approval").Status.Should().Be(Statuses.NotRun);
    }

    [Fact]
    public async Task Messages_for_features_outside_the_folder_are_named_in_a_warning()
    {
        var only = Path.Combine(Scratch, "only-tools");
        Directory.CreateDirectory(Path.Combine(only, "tools"));
        File.Copy(Path.Combine(TestPaths.FixtureFeatures, "tools", "approval.feature"), Path.Combine(only, "tools", "approval.feature"), overwrite: true);
        var run = await new MessagesRunBuilder(TestPaths.FixtureFeatures).WriteAsync(Path.Combine(Scratch, "all.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(only, [run]);

        model.Cases.Should().ContainSingle().Which.Status.Should().Be(Statuses.Passed);
        var warning = diagnostics.Items.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(Severity.Warning);
        warning.Message.Should().Be("messages for features not in only-tools/ are left out: features/memory/cold_tier.feature, features/memory/hot_tier.feature, features/planning/replan.feature");
    }

    [Fact]
    public async Task A_missing_feature_folder_or_messages_file_is_a_clear_error()
    {
        var missing = Path.Combine(Scratch, "no-such-folder");
        var act = () => DocRendering.RenderAsync(missing, []);
        (await act.Should().ThrowAsync<LivingDocInputException>()).WithMessage($"feature folder not found: {missing} (pass --features DIR)");

        var noFile = Path.Combine(Scratch, "nope.ndjson");
        var act2 = () => DocRendering.RenderAsync(TestPaths.FixtureFeatures, [noFile]);
        (await act2.Should().ThrowAsync<LivingDocInputException>()).WithMessage($"messages file not found: {noFile}");
    }

    [Fact]
    public async Task A_gherkin_syntax_error_names_the_file_and_line_and_other_features_still_render()
    {
        var folder = Path.Combine(Scratch, "broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "good.feature"), "Feature: Good\n  Scenario: fine\n    Given a step\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.feature"), "Feature: Bad\n  Scenario: broken\n    Given a step\n  this line is not gherkin\n", TestContext.Current.CancellationToken);

        var (model, diagnostics, _) = await DocRendering.RenderAsync(folder, []);

        var error = diagnostics.Items.Should().ContainSingle().Subject;
        error.File.Should().Be(Path.Combine(folder, "bad.feature"));
        error.Line.Should().Be(4);
        error.Message.Should().StartWith("Gherkin syntax error (column 3)");
        model.Features.Select(f => f.Name).Should().Equal("Good");
    }

    [Fact]
    public async Task An_empty_or_non_message_file_is_reported()
    {
        var empty = Path.Combine(Scratch, "empty.ndjson");
        await File.WriteAllTextAsync(empty, "\n", TestContext.Current.CancellationToken);
        var array = Path.Combine(Scratch, "array.ndjson");
        await File.WriteAllTextAsync(array, "[1,2]\n", TestContext.Current.CancellationToken);

        var (_, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [empty, array]);

        diagnostics.Items.Select(d => d.ToString()).Should().Equal(
            $"warning: {empty}: no Cucumber Messages envelopes in this file",
            $"error: {array}:1: not a Cucumber Messages envelope: The JSON value could not be converted to Kaizen.LivingDoc.Messages.Envelope",
            $"warning: {array}: no Cucumber Messages envelopes in this file");
    }
}
