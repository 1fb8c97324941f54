using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// Signs off the selected scenarios: each one that is new or changed gets its current text, fingerprint, the reviewer
/// and today's date; scenarios still as reviewed keep their sign-off (so the file only changes where review happened).
/// Sign-offs of scenarios that are gone are kept and listed, unless the reviewer accepts their removal.
/// </summary>
internal sealed class ReviewSigner(TextWriter output, TimeProvider time)
{
    public sealed record Options(string FeaturesFolder, string ReviewsFile, string Reviewer, string? Filter, bool AcceptGone);

    /// <summary>Returns the number of scenarios signed; throws <see cref="LivingDocInputException"/> for unusable input.</summary>
    public async Task<int> SignAsync(Options options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Reviewer)) throw new LivingDocInputException("--by needs the reviewer's name");
        var select = options.Filter is { Length: > 0 } filter ? ParseFilter(filter) : _ => true;
        var features = await FeatureFolderLoader.LoadAsync(options.FeaturesFolder, diagnostics, cancellationToken);
        if (diagnostics.HasErrors)
            throw new LivingDocInputException("nothing signed: fix the feature files above first (a scenario that does not parse cannot be reviewed)");
        var entries = await ReviewsFile.LoadAsync(options.ReviewsFile, diagnostics, cancellationToken);
        if (diagnostics.HasErrors)
            throw new LivingDocInputException($"nothing signed: {Path.GetFullPath(options.ReviewsFile)} is damaged (see above); fix it or restore it from version control");

        var comparison = ReviewComparison.Of(ReviewUnits.Of(features), entries);
        var selected = comparison.Units.Where(u => u.Unit.CaseTags.Any(select)).ToList();
        if (selected.Count == 0)
            throw new LivingDocInputException($"the filter '{options.Filter}' selects no scenario in {options.FeaturesFolder}");

        var byKey = entries.ToDictionary(e => e.Key);
        var today = time.GetUtcNow().ToString(ReviewsFile.DateFormat, System.Globalization.CultureInfo.InvariantCulture);
        var signed = 0;
        foreach (var (unit, _, state) in selected.Where(u => u.State != ReviewStates.Reviewed))
        {
            byKey[unit.Key] = new ReviewEntry(unit.Feature, unit.Scenario, unit.Fingerprint, options.Reviewer.Trim(), today, unit.Text);
            await output.WriteLineAsync($"  signed   {unit.Key} ({state})");
            signed++;
        }
        foreach (var gone in comparison.Gone)
        {
            if (options.AcceptGone) byKey.Remove(gone.Key);
            await output.WriteLineAsync($"  gone     {gone.Key} (signed by {gone.ReviewedBy} on {gone.ReviewedOn}){(options.AcceptGone ? ": sign-off removed" : "")}");
        }
        var dropped = options.AcceptGone ? comparison.Gone.Count : 0;
        if (signed > 0 || dropped > 0) await ReviewsFile.SaveAsync(options.ReviewsFile, byKey.Values, cancellationToken);
        var kept = selected.Count - signed;
        await output.WriteLineAsync($"review: {signed} signed, {kept} already reviewed{(comparison.Gone.Count > 0 ? $", {comparison.Gone.Count} gone" : "")}" +
                                    (comparison.Gone.Count > 0 && !options.AcceptGone ? " (kept: pass --accept-gone to remove their sign-offs)" : "") +
                                    (signed > 0 || dropped > 0 ? $"; written to {options.ReviewsFile}" : "; nothing to write"));
        return signed;
    }

    private static Func<IReadOnlySet<string>, bool> ParseFilter(string filter)
    {
        try
        {
            return TagExpression.Parse(filter);
        }
        catch (FormatException ex)
        {
            throw new LivingDocInputException($"--filter '{filter}': {ex.Message} (a tag expression such as \"@core and not @slow\")");
        }
    }
}
