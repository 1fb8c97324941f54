using Kaizen.LivingDoc.Model;

namespace Kaizen.LivingDoc.Review;

/// <summary>Puts the review marks on the page model's cases and the counts and gone sign-offs on the page.</summary>
internal static class ReviewOverlay
{
    public static DocModel Apply(DocModel model, ReviewComparison comparison, string reviewsFile)
    {
        var marks = new Dictionary<string, ReviewMark>(StringComparer.Ordinal);
        foreach (var (unit, entry, state) in comparison.Units)
        {
            var diff = state == ReviewStates.Changed ? WordDiff.Lines(entry!.Text, unit.Text) : null;
            var mark = new ReviewMark(state, unit.Scenario, entry?.ReviewedBy, entry?.ReviewedOn, diff);
            foreach (var id in unit.CaseIds) marks[id] = mark;
        }
        var gone = comparison.Gone.Select(e => new GoneReview(e.Feature, e.Scenario, e.ReviewedBy, e.ReviewedOn, e.Text)).ToList();
        return model with
        {
            Cases = model.Cases.Select(c => marks.TryGetValue(c.Id, out var m) ? c with { Review = m } : c).ToList(),
            Review = new ReviewSummary(reviewsFile, comparison.Count(ReviewStates.Reviewed), comparison.Count(ReviewStates.Changed),
                comparison.Count(ReviewStates.New), gone),
        };
    }
}
