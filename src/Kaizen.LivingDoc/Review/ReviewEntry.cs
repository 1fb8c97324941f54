using System.Text.Json.Serialization;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// One sign-off in the reviews file: the scenario, the fingerprint and text that were reviewed, by whom and on which day
/// (<c>yyyy-MM-dd</c>, UTC). The text is kept so the page can show what changed without git history.
/// </summary>
internal sealed record ReviewEntry(string Feature, string Scenario, string Fingerprint, string ReviewedBy, string ReviewedOn, IReadOnlyList<string> Text)
{
    [JsonIgnore]
    public ReviewKey Key => new(Feature, Scenario);
}
