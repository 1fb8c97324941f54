namespace Kaizen.LivingDoc.Model;

// Review data of the page (present only when a reviews file was given or found).

/// <summary>Counts of the review states and the sign-offs whose scenario is gone.</summary>
internal sealed record ReviewSummary(string File, int Reviewed, int Changed, int New, IReadOnlyList<GoneReview> Gone);

/// <summary>A signed-off scenario that is no longer in the feature files, with the text that was signed.</summary>
internal sealed record GoneReview(string Feature, string Scenario, string By, string On, IReadOnlyList<string> Text);

/// <summary>
/// A case's review mark. <see cref="Scenario"/> is the signed unit's name (an outline's rows share it); <see cref="Diff"/>
/// is set for a changed scenario: its reviewed text against its current text.
/// </summary>
internal sealed record ReviewMark(string State, string Scenario, string? By, string? On, IReadOnlyList<DiffLine>? Diff);

/// <summary>One line of a diff: same, removed, added, or changed (then its parts mix the three).</summary>
internal sealed record DiffLine(string Op, IReadOnlyList<DiffPart> Parts);

/// <summary>A run of words with one operation.</summary>
internal sealed record DiffPart(string Op, string Text);

/// <summary>Operation words of <see cref="DiffLine"/> and <see cref="DiffPart"/>.</summary>
internal static class DiffOps
{
    public const string Same = "same", Removed = "del", Added = "ins", Changed = "changed";
}
