using System.CommandLine;
using Kaizen.LivingDoc.Features;
using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Review;

namespace Kaizen.LivingDoc.Cli;

/// <summary><c>review sign</c> and <c>review status</c>: stakeholder sign-off kept in the reviews file.</summary>
internal sealed class ReviewCommand(TextWriter output, TextWriter error, TimeProvider time, string currentFolder)
{
    public static readonly string DefaultReviews = Path.Combine("docs", "living-doc", "reviews.json");

    public Command Build()
    {
        var command = new Command("review", "Stakeholder review: sign off scenarios, see what changed since");
        command.Add(SignCommand());
        command.Add(StatusCommand());
        return command;
    }

    private Command SignCommand()
    {
        var by = new Option<string>("--by") { Description = "Reviewer's name, recorded with each sign-off", Required = true };
        var filter = new Option<string?>("--filter") { Description = "Tag expression selecting the scenarios to sign, e.g. \"@core and not @slow\" (default: all)" };
        var acceptGone = new Option<bool>("--accept-gone") { Description = "Remove the sign-offs of scenarios that no longer exist (they are listed either way)" };
        var (features, reviews) = PathOptions();
        var command = new Command("sign", "Record, for each selected scenario that is new or changed, its fingerprint and text, the reviewer and today's date")
            { by, filter, acceptGone, features, reviews };
        command.SetAction((parse, ct) => Guarded(async () =>
        {
            var (featureFolder, reviewsFile) = Resolve(parse.GetValue(features), parse.GetValue(reviews));
            var diagnostics = new DiagnosticBag();
            try
            {
                await new ReviewSigner(output, time).SignAsync(
                    new ReviewSigner.Options(featureFolder, reviewsFile, parse.GetValue(by)!, parse.GetValue(filter), parse.GetValue(acceptGone)), diagnostics, ct);
            }
            finally
            {
                foreach (var d in diagnostics.Items) await error.WriteLineAsync(d.ToString());
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private Command StatusCommand()
    {
        var (features, reviews) = PathOptions();
        var command = new Command("status", "List the scenarios that need review (changed, new) and the sign-offs of gone ones; exit 1 when any") { features, reviews };
        command.SetAction((parse, ct) => Guarded(async () =>
        {
            var (featureFolder, reviewsFile) = Resolve(parse.GetValue(features), parse.GetValue(reviews));
            var diagnostics = new DiagnosticBag();
            var loaded = await FeatureFolderLoader.LoadAsync(featureFolder, diagnostics, ct);
            var entries = await ReviewsFile.LoadAsync(reviewsFile, diagnostics, ct);
            foreach (var d in diagnostics.Items) await error.WriteLineAsync(d.ToString());
            if (diagnostics.HasErrors) throw new LivingDocInputException("review status needs valid feature files and reviews file (see above)");
            var comparison = ReviewComparison.Of(ReviewUnits.Of(loaded), entries);
            foreach (var (unit, entry, state) in comparison.Units.Where(u => u.State != ReviewStates.Reviewed))
                await output.WriteLineAsync($"  {state,-8} {unit.Key}{(entry is null ? "" : $" (signed by {entry.ReviewedBy} on {entry.ReviewedOn})")}");
            foreach (var gone in comparison.Gone)
                await output.WriteLineAsync($"  {ReviewStates.Gone,-8} {gone.Key} (signed by {gone.ReviewedBy} on {gone.ReviewedOn})");
            await output.WriteLineAsync(Summary(comparison));
            return comparison.Units.All(u => u.State == ReviewStates.Reviewed) && comparison.Gone.Count == 0 ? ExitCodes.Ok : ExitCodes.FailuresOrInputErrors;
        }));
        return command;
    }

    /// <summary>e.g. "review: 40 reviewed, 1 changed, 3 new, 0 gone".</summary>
    public static string Summary(ReviewComparison c) =>
        $"review: {c.Count(ReviewStates.Reviewed)} reviewed, {c.Count(ReviewStates.Changed)} changed, {c.Count(ReviewStates.New)} new, {c.Count(ReviewStates.Gone)} gone";

    private static (Option<string?> Features, Option<string?> Reviews) PathOptions() => (
        new Option<string?>("--features") { Description = "Feature folder (default: features/ of the repository)" },
        new Option<string?>("--reviews") { Description = $"Reviews file (default: {DefaultReviews} of the repository)" });

    private (string Features, string Reviews) Resolve(string? features, string? reviews)
    {
        var repo = RepoLocator.Find(currentFolder);
        if ((features is null || reviews is null) && repo is null)
            throw new LivingDocInputException($"outside the repository: pass --features DIR and --reviews FILE (no {RepoLocator.SolutionFile} in {currentFolder} or above)");
        return (features ?? Path.Combine(repo!, "features"), reviews ?? Path.Combine(repo!, DefaultReviews));
    }

    private async Task<int> Guarded(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (LivingDocInputException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Unusable;
        }
    }
}
