using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Review;
using Kaizen.LivingDoc.Tests.Support;

namespace Kaizen.LivingDoc.Tests;

/// <summary>A malformed or hand-edited reviews file is an error naming file and line, and no page is written.</summary>
[Trait("Category", "livingdoc")]
public sealed class ReviewsFileTests
{
    private const string ExistingPage = "<html>last good page</html>";

    private static async Task<(ReviewFixture Fixture, string Page)> SignedAsync()
    {
        var fixture = await ReviewFixture.SignedAndEditedAsync();
        var page = Path.Combine(fixture.Folder, "site", "index.html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, ExistingPage, TestContext.Current.CancellationToken);
        return (fixture, page);
    }

    private static Task<CliResult> RenderAsync(ReviewFixture fixture, string page) =>
        fixture.CliAsync("render", "--features", fixture.Features, "--reviews", fixture.Reviews, "--out", page);

    private static int LineOf(string file, string text) => File.ReadAllLines(file).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public async Task The_file_is_sorted_one_text_line_per_json_line_and_reads_back_without_problems()
    {
        var (fixture, _) = await SignedAsync();

        var lines = File.ReadAllLines(fixture.Reviews);
        lines.Should().Contain("        \"When the user says \\\"hello\\\"\",", "each reviewed line is its own JSON line, quotes kept readable");
        var features = lines.Where(l => l.TrimStart().StartsWith("\"feature\"", StringComparison.Ordinal)).ToList();
        features.Should().BeInAscendingOrder(StringComparer.Ordinal);
        var diagnostics = new Messages.DiagnosticBag();
        ReviewsFile.Parse(File.ReadAllBytes(fixture.Reviews), fixture.Reviews, diagnostics).Should().HaveCount(7, "one per scenario and one per outline");
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task A_cut_off_reviews_file_names_file_and_line_and_the_page_is_not_written()
    {
        var (fixture, page) = await SignedAsync();
        var text = File.ReadAllText(fixture.Reviews);
        File.WriteAllText(fixture.Reviews, text[..(text.Length / 2)]);

        var (exit, _, error) = await RenderAsync(fixture, page);

        exit.Should().Be(ExitCodes.Unusable);
        error.Should().MatchRegex($@"error: {System.Text.RegularExpressions.Regex.Escape(fixture.Reviews)}:\d+: not valid JSON")
            .And.Contain("the page was not written");
        File.ReadAllText(page).Should().Be(ExistingPage);
    }

    [Fact]
    public async Task A_hand_edited_reviewed_text_is_refused_at_its_entry_line()
    {
        var (fixture, page) = await SignedAsync();
        var text = File.ReadAllText(fixture.Reviews);
        File.WriteAllText(fixture.Reviews, text.Replace("When the agent calls \\\"delete_file\\\"", "When the agent calls \\\"format_disk\\\""));
        var entryLine = LineOf(fixture.Reviews, "\"scenario\": \"A dangerous tool waits for approval\"") - 2;

        var (exit, _, error) = await RenderAsync(fixture, page);

        exit.Should().Be(ExitCodes.Unusable);
        error.Should().Contain($"error: {fixture.Reviews}:{entryLine}: the fingerprint of 'tools/approval.feature › A dangerous tool waits for approval' does not match its reviewed text: the entry was edited by hand");
        File.ReadAllText(page).Should().Be(ExistingPage);
    }

    [Fact]
    public async Task A_duplicated_or_incomplete_entry_is_refused_at_its_line()
    {
        var (fixture, page) = await SignedAsync();
        var lines = File.ReadAllLines(fixture.Reviews).ToList();
        var start = lines.IndexOf("    {");
        var end = lines.IndexOf("    },");
        var copy = lines.GetRange(start, end - start + 1);
        lines.InsertRange(end + 1, copy);
        var dateLine = lines.FindLastIndex(l => l.Contains("\"reviewedOn\"", StringComparison.Ordinal));
        lines[dateLine] = lines[dateLine].Replace("2026-11-24", "24/11/2026");
        var lastEntry = lines.LastIndexOf("    {") + 1;
        File.WriteAllLines(fixture.Reviews, lines);

        var (exit, _, error) = await RenderAsync(fixture, page);

        exit.Should().Be(ExitCodes.Unusable);
        error.Should().Contain($"{fixture.Reviews}:{lastEntry}: ").And.Contain("has \"reviewedOn\" '24/11/2026': expected a date like 2026-12-02");
        error.Should().Contain($"{fixture.Reviews}:{end + 2}: ").And.Contain($"is signed twice (first on line {start + 1})");
        File.ReadAllText(page).Should().Be(ExistingPage);
    }

    [Fact]
    public void A_reviews_file_of_another_shape_is_refused_with_its_line()
    {
        var diagnostics = new Messages.DiagnosticBag();

        ReviewsFile.Parse("{\n  \"version\": 1,\n  \"reviews\": null\n}\n"u8.ToArray(), "r.json", diagnostics).Should().BeEmpty();
        ReviewsFile.Parse("{\n  \"reviews\": []\n}\n"u8.ToArray(), "s.json", diagnostics).Should().BeEmpty();

        diagnostics.Items.Select(d => d.ToString()).Should().Equal(
            "error: r.json:3: not a reviews file: \"reviews\" must be an array of sign-offs; fix it by hand or restore it from version control",
            "error: s.json:1: no \"version\": a reviews file starts with {\"version\": 1, \"reviews\": [...]}");
    }
}
