using Kaizen.LivingDoc.Cli;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>
/// A scratch copy of the fixture features, signed off by "Ada" on <see cref="DocRendering.Now"/>, then edited the way
/// a pull request would: a renamed step, a changed table cell, a changed Examples row, a whitespace-and-comment-only
/// reformatting, a removed scenario and a new one.
/// </summary>
internal sealed class ReviewFixture
{
    public const string Reviewer = "Ada";
    public const string RenamedStep = "Recent turns are kept verbatim";
    public const string ChangedTableCell = "Turns are stored with their roles";
    public const string ChangedExamples = "Replan after <failures> failures";
    public const string Reformatted = "Similar memories are retrieved first";
    public const string Unchanged = "Overflow moves the oldest turn to the warm tier";
    public const string Removed = "A dangerous tool waits for approval";
    public const string Added = "A safe tool runs at once";

    public string Folder { get; } = TestPaths.NewScratchFolder();
    public string Features => Path.Combine(Folder, "features");
    public string Reviews => Path.Combine(Folder, "reviews.json");

    public static async Task<ReviewFixture> SignedAndEditedAsync()
    {
        var fixture = new ReviewFixture();
        CopyFolder(TestPaths.FixtureFeatures, fixture.Features);
        var (exit, _, error) = await fixture.CliAsync("review", "sign", "--by", Reviewer);
        if (exit != ExitCodes.Ok) throw new InvalidOperationException("signing the fixture failed: " + error);
        fixture.Edit("memory/hot_tier.feature", t => t.Replace("When the user says \"hello\"", "When the user writes \"hello\"")
            .Replace("| assistant | where to?      |", "| assistant | where next?     |"));
        fixture.Edit("planning/replan.feature", t => t.Replace("| 5     | 2        | 2       |", "| 5     | 2        | 3       |"));
        fixture.Edit("memory/cold_tier.feature", t => t.Replace("    When the agent recalls \"travel preferences\"",
            "    # reformatted: comments, indentation and spacing are not part of the reviewed text\n        When   the agent   recalls \"travel preferences\"   ")
            .Replace("  Scenario: Similar memories are retrieved first", "Scenario:   Similar memories are retrieved first  "));
        fixture.Edit("tools/approval.feature", t => t[..t.IndexOf("  Scenario:", StringComparison.Ordinal)] +
            "  Scenario: A safe tool runs at once\n    Given the tool \"read_file\" is safe\n    When the agent calls \"read_file\"\n    Then the call runs without approval\n");
        return fixture;
    }

    /// <summary>Runs a command in the fixture's folder; <c>review</c> commands get its features and reviews file.</summary>
    public Task<CliResult> CliAsync(params string[] args) =>
        LivingDocCli.RunAsync(Folder, args.Concat(args[0] == "review" ? ["--features", Features, "--reviews", Reviews] : []).ToArray());

    /// <summary>Renders the edited features with the reviews file to <paramref name="page"/> (plus any other render options).</summary>
    public async Task<string> RenderAsync(string page, params string[] options)
    {
        var result = await CliAsync(["render", "--features", Features, "--reviews", Reviews, "--out", page, .. options]);
        if (result.Exit != ExitCodes.Ok) throw new InvalidOperationException($"render exited with {result.Exit}: {result.Error}");
        return page;
    }

    public void Edit(string feature, Func<string, string> change)
    {
        var path = Path.Combine(Features, feature);
        var before = File.ReadAllText(path);
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"the edit of {feature} changed nothing: the fixture no longer matches");
        File.WriteAllText(path, after);
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
