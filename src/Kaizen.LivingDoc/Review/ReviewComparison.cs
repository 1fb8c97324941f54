namespace Kaizen.LivingDoc.Review;

/// <summary>Each current scenario's sign-off (if any) and state, and the sign-offs whose scenario is gone.</summary>
internal sealed record ReviewComparison(IReadOnlyList<(ReviewUnit Unit, ReviewEntry? Entry, string State)> Units, IReadOnlyList<ReviewEntry> Gone)
{
    public static ReviewComparison Of(IReadOnlyList<ReviewUnit> units, IReadOnlyList<ReviewEntry> entries)
    {
        var byKey = entries.ToDictionary(e => e.Key);
        var states = units.Select(u =>
        {
            var entry = byKey.GetValueOrDefault(u.Key);
            var state = entry is null ? ReviewStates.New : entry.Fingerprint == u.Fingerprint ? ReviewStates.Reviewed : ReviewStates.Changed;
            return (u, entry, state);
        }).ToList();
        var current = units.Select(u => u.Key).ToHashSet();
        return new ReviewComparison(states, entries.Where(e => !current.Contains(e.Key)).OrderBy(e => e.Key).ToList());
    }

    public int Count(string state) => state == ReviewStates.Gone ? Gone.Count : Units.Count(u => u.State == state);
}
