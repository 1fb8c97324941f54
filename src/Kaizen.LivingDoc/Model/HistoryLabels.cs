namespace Kaizen.LivingDoc.Model;

/// <summary>
/// Labels a scenario from its history (one letter per run, oldest first, '-' when absent from a run):
/// <list type="bullet">
/// <item><c>new</c>: in the latest run and in none before it (needs at least two runs);</item>
/// <item><c>regressed</c>: passed in its previous decisive run, failing in its latest (skipped runs do not count);</item>
/// <item><c>fixed</c>: failing in its previous decisive run, passing in its latest;</item>
/// <item><c>flaky</c>: flipped between passing and failing at least twice, or passed only after a retry.</item>
/// </list>
/// </summary>
internal static class HistoryLabels
{
    public const string New = "new", Fixed = "fixed", Regressed = "regressed", Flaky = "flaky";

    public static IReadOnlyList<string> For(string history, bool passedAfterRetry)
    {
        var labels = new List<string>();
        var present = history.Where(c => c != '-').Select(Statuses.FromHistoryLetter).ToList();
        var inLatest = history.Length > 0 && history[^1] != '-';
        if (history.Length >= 2 && inLatest && present.Count == 1) labels.Add(New);
        // Skipped or unknown runs in between do not count: compare with the previous run that passed or failed.
        var decisive = present.Where(s => s == Statuses.Passed || Statuses.IsFailing(s)).ToList();
        if (inLatest && decisive.Count >= 2 && present[^1] == decisive[^1])
        {
            var (previous, latest) = (decisive[^2], decisive[^1]);
            if (previous == Statuses.Passed && Statuses.IsFailing(latest)) labels.Add(Regressed);
            if (Statuses.IsFailing(previous) && latest == Statuses.Passed) labels.Add(Fixed);
        }
        if (passedAfterRetry || Flips(present) >= 2) labels.Add(Flaky);
        return labels;
    }

    private static int Flips(List<string> statuses)
    {
        var flips = 0;
        bool? wasFailing = null;
        foreach (var status in statuses)
        {
            if (status != Statuses.Passed && !Statuses.IsFailing(status)) continue;
            var failing = Statuses.IsFailing(status);
            if (wasFailing is { } before && before != failing) flips++;
            wasFailing = failing;
        }
        return flips;
    }
}
