using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

[Trait("Category", "livingdoc")]
public sealed class InputErrorTests
{
    private static readonly string Scratch = TestPaths.NewScratchFolder();

    [Fact]
    public async Task An_interrupted_run_renders_what_it_recorded()
    {
        var path = await new MessagesRunBuilder(TestPaths.FixtureFeatures).Only("memory/hot_tier.feature").Unfinished()
            .AppendRawLine("{\"testCaseStarted\":{\"id\":\"late\",\"testCaseId\":\"tc-0\",\"attempt\":5,\"timestamp\":{\"seconds\":1,\"nanos\":0}}}")
            .WriteAsync(Path.Combine(Scratch, "interrupted.ndjson"));

        var (model, diagnostics, _) = await DocRendering.RenderAsync(TestPaths.FixtureFeatures, [path]);

        diagnostics.Items.Should().ContainSingle().Which.Message.Should().Contain("no testRunFinished envelope");
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
    public async Task Gherkin_syntax_errors_of_a_file_are_listed_in_line_order()
    {
        var folder = Path.Combine(Scratch, "two-errors");
        Directory.CreateDirectory(folder);
        // The parser reports the table's cell count (line 5) only after the stray line 6.
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.feature"),
            "Feature: F\n  Scenario: a\n    Given x\n      | a | b |\n      | c |\n  oops here\n    Given y\n", TestContext.Current.CancellationToken);

        var (_, diagnostics, _) = await DocRendering.RenderAsync(folder, []);

        diagnostics.Items.Select(d => d.Line).Should().Equal(5, 6);
        diagnostics.Items[0].Message.Should().StartWith("Gherkin syntax error (column 7): inconsistent cell count within the table");
    }
}
