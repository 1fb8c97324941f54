using Kaizen.LivingDoc.Model;
using Kaizen.LivingDoc.Review;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>Sign-off, then edits: each scenario is reviewed, changed (with its word diff), new or gone on the page.</summary>
[Trait("Category", "livingdoc")]
public sealed class ReviewStateTests
{
    private static async Task<(DocModel Model, ReviewFixture Fixture)> RenderEditedAsync()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        var diagnostics = new Messages.DiagnosticBag();
        var request = new Cli.RenderRequest(fixture.Features, [], Path.Combine(fixture.Folder, "index.html"), "Review", null, fixture.Reviews);
        var model = await new Cli.LivingDocGenerator(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DocRendering.Now))
            .RenderAsync(request, diagnostics, TestContext.Current.CancellationToken);
        diagnostics.Items.Should().BeEmpty();
        return (model, fixture);
    }

    private static ReviewMark Mark(DocModel model, string name) => model.Cases.First(c => c.Name.StartsWith(name, StringComparison.Ordinal)).Review!;

    private static DiffLine ChangedLine(ReviewMark mark) => mark.Diff!.Should().ContainSingle(l => l.Op == DiffOps.Changed).Subject;

    [Fact]
    public async Task A_renamed_step_is_changed_and_its_diff_shows_the_word_that_changed()
    {
        var (model, _) = await RenderEditedAsync();

        var mark = Mark(model, ReviewFixture.RenamedStep);
        mark.State.Should().Be(ReviewStates.Changed);
        (mark.By, mark.On).Should().Be((ReviewFixture.Reviewer, "2026-11-24"));
        ChangedLine(mark).Parts.Should().Equal(
            new DiffPart(DiffOps.Same, "When the user "), new DiffPart(DiffOps.Removed, "says"), new DiffPart(DiffOps.Added, "writes"), new DiffPart(DiffOps.Same, " \"hello\""));
        mark.Diff!.Where(l => l.Op != DiffOps.Same).Should().HaveCount(1, "only that step changed");
    }

    [Fact]
    public async Task A_changed_table_cell_is_changed_and_the_diff_names_the_cell()
    {
        var (model, _) = await RenderEditedAsync();

        var mark = Mark(model, ReviewFixture.ChangedTableCell);
        mark.State.Should().Be(ReviewStates.Changed);
        var line = ChangedLine(mark);
        line.Parts.Where(p => p.Op != DiffOps.Same).Select(p => (p.Op, p.Text.Trim())).Should().Equal((DiffOps.Removed, "to?"), (DiffOps.Added, "next?"));
        string.Concat(line.Parts.Where(p => p.Op != DiffOps.Removed).Select(p => p.Text)).Should().Be("  | assistant | where next? |");
    }

    [Fact]
    public async Task A_changed_examples_row_flags_the_outline_and_every_row_shares_its_mark()
    {
        var (model, _) = await RenderEditedAsync();

        var rows = model.Cases.Where(c => c.Outline == ReviewFixture.ChangedExamples).ToList();
        rows.Should().HaveCount(2);
        rows.Select(r => r.Review!.State).Should().OnlyContain(s => s == ReviewStates.Changed);
        var line = ChangedLine(rows[0].Review!);
        string.Concat(line.Parts.Where(p => p.Op != DiffOps.Added).Select(p => p.Text)).Should().Be("  | 5 | 2 | 2 |");
        string.Concat(line.Parts.Where(p => p.Op != DiffOps.Removed).Select(p => p.Text)).Should().Be("  | 5 | 2 | 3 |");
        rows[0].Review!.Scenario.Should().Be("A failed step triggers a replan › Replan after <failures> failures", "a scenario in a rule is named after its rule too");
    }

    [Fact]
    public async Task Whitespace_indentation_and_comments_do_not_count_as_a_change()
    {
        var (model, fixture) = await RenderEditedAsync();

        File.ReadAllText(Path.Combine(fixture.Features, "memory", "cold_tier.feature")).Should().Contain("When   the agent   recalls", "the file really was reformatted");
        Mark(model, ReviewFixture.Reformatted).State.Should().Be(ReviewStates.Reviewed);
        Mark(model, ReviewFixture.Unchanged).Should().Be(new ReviewMark(ReviewStates.Reviewed, ReviewFixture.Unchanged, ReviewFixture.Reviewer, "2026-11-24", null));
    }

    [Fact]
    public async Task A_new_scenario_is_new_and_a_removed_one_is_reported_as_gone_with_its_reviewed_text()
    {
        var (model, _) = await RenderEditedAsync();

        Mark(model, ReviewFixture.Added).State.Should().Be(ReviewStates.New);
        var gone = model.Review!.Gone.Should().ContainSingle().Subject;
        (gone.Feature, gone.Scenario, gone.By).Should().Be(("tools/approval.feature", ReviewFixture.Removed, ReviewFixture.Reviewer));
        gone.Text.Should().Contain("When the agent calls \"delete_file\"");
        (model.Review.Reviewed, model.Review.Changed, model.Review.New).Should().Be((3, 3, 1));
    }

    [Fact]
    public async Task Signing_again_with_a_filter_signs_only_the_selected_changes_and_keeps_gone_sign_offs()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        var before = File.ReadAllText(fixture.Reviews);

        var (exit, output, error) = await fixture.CliAsync("review", "sign", "--by", "Grace", "--filter", "@memory and not @slow");

        exit.Should().Be(0, error);
        output.Should().Contain($"  signed   memory/hot_tier.feature › {ReviewFixture.RenamedStep} (changed)")
            .And.Contain($"  signed   memory/hot_tier.feature › {ReviewFixture.ChangedTableCell} (changed)")
            .And.Contain($"  gone     tools/approval.feature › {ReviewFixture.Removed} (signed by Ada on 2026-11-24)")
            .And.Contain("review: 2 signed, 1 already reviewed, 1 gone (kept: pass --accept-gone to remove their sign-offs)");
        var entries = ReviewsFile.Parse(File.ReadAllBytes(fixture.Reviews), fixture.Reviews, new Messages.DiagnosticBag());
        entries.Where(e => e.ReviewedBy == "Grace").Select(e => e.Scenario).Should().BeEquivalentTo([ReviewFixture.RenamedStep, ReviewFixture.ChangedTableCell]);
        entries.Should().Contain(e => e.Scenario == ReviewFixture.Removed, "a gone sign-off is never dropped silently");
        entries.Select(e => (e.Feature, e.Scenario)).Should().BeInAscendingOrder(Comparer<(string, string)>.Create((a, b) => new ReviewKey(a.Item1, a.Item2).CompareTo(new ReviewKey(b.Item1, b.Item2))));
        File.ReadAllText(fixture.Reviews).Should().NotBe(before);

        var (_, status, _) = await fixture.CliAsync("review", "status");
        status.Should().Contain("review: 5 reviewed, 1 changed, 1 new, 1 gone");
    }

    [Fact]
    public async Task Accepting_gone_scenarios_removes_their_sign_offs_and_says_so()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();

        var (exit, output, _) = await fixture.CliAsync("review", "sign", "--by", "Grace", "--accept-gone");

        exit.Should().Be(0);
        output.Should().Contain($"  gone     tools/approval.feature › {ReviewFixture.Removed} (signed by Ada on 2026-11-24): sign-off removed")
            .And.Contain("review: 4 signed, 3 already reviewed, 1 gone;");
        var (statusExit, status, _) = await fixture.CliAsync("review", "status");
        status.Should().EndWith("review: 7 reviewed, 0 changed, 0 new, 0 gone" + Environment.NewLine);
        statusExit.Should().Be(0, "nothing needs review any more");
    }

    [Fact]
    public async Task A_filter_that_selects_nothing_or_does_not_parse_signs_nothing()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        var before = File.ReadAllText(fixture.Reviews);

        var (none, _, noneError) = await fixture.CliAsync("review", "sign", "--by", "Grace", "--filter", "@nothing");
        var (bad, _, badError) = await fixture.CliAsync("review", "sign", "--by", "Grace", "--filter", "@memory and (@core");

        (none, bad).Should().Be((2, 2));
        noneError.Should().Contain("error: the filter '@nothing' selects no scenario");
        badError.Should().Contain("error: --filter '@memory and (@core': a \"(\" is not closed");
        File.ReadAllText(fixture.Reviews).Should().Be(before);
    }
}
