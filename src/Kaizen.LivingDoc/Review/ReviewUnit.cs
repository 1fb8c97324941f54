namespace Kaizen.LivingDoc.Review;

/// <summary>
/// What a reviewer signs off: one scenario as written, identified by its feature file and name (a Scenario Outline is
/// one unit with all its Examples). <see cref="CaseIds"/> are the page's cases it produced (one per Examples row) and
/// <see cref="CaseTags"/> their tags, for tag-expression filters.
/// </summary>
internal sealed record ReviewUnit(
    string Feature, string Scenario, IReadOnlyList<string> Text, string Fingerprint,
    IReadOnlyList<string> CaseIds, IReadOnlyList<IReadOnlySet<string>> CaseTags)
{
    public ReviewKey Key => new(Feature, Scenario);
}

/// <summary>A scenario's identity across edits: feature path relative to the feature folder, and its name (prefixed by its rule's).</summary>
internal readonly record struct ReviewKey(string Feature, string Scenario) : IComparable<ReviewKey>
{
    public int CompareTo(ReviewKey other)
    {
        var byFeature = string.CompareOrdinal(Feature, other.Feature);
        return byFeature != 0 ? byFeature : string.CompareOrdinal(Scenario, other.Scenario);
    }

    public override string ToString() => $"{Feature} › {Scenario}";
}
