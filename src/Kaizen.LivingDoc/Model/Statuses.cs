namespace Kaizen.LivingDoc.Model;

/// <summary>Result words used by the page, and how Cucumber ranks them (the worst step decides a scenario).</summary>
internal static class Statuses
{
    public const string Passed = "passed", Failed = "failed", Pending = "pending", Undefined = "undefined",
        Ambiguous = "ambiguous", Skipped = "skipped", Unknown = "unknown", NotRun = "notrun";

    /// <summary>Every word, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> All = [Passed, Failed, Pending, Undefined, Ambiguous, Skipped, Unknown, NotRun];

    /// <summary>Maps a message's UPPER_SNAKE status (any case) to the page's word.</summary>
    public static string FromMessage(string? status) => status?.ToUpperInvariant() switch
    {
        "PASSED" => Passed, "FAILED" => Failed, "PENDING" => Pending, "UNDEFINED" => Undefined,
        "AMBIGUOUS" => Ambiguous, "SKIPPED" => Skipped, _ => Unknown,
    };

    /// <summary>Cucumber's severity order: the scenario takes its worst step's status.</summary>
    public static int Severity(string status) => status switch
    {
        Passed => 1, Skipped => 2, Pending => 3, Undefined => 4, Ambiguous => 5, Failed => 6, Unknown => 0, _ => -1,
    };

    public static string Worst(IEnumerable<string> statuses) =>
        statuses.DefaultIfEmpty(Passed).MaxBy(Severity)!;

    /// <summary>Statuses that mean "this scenario does not work" (for fixed/regressed/flaky).</summary>
    public static bool IsFailing(string status) => status is Failed or Ambiguous or Undefined or Pending;

    public static char ToHistoryLetter(string status) => status switch
    {
        Passed => 'P', Failed => 'F', Pending => 'N', Undefined => 'U', Ambiguous => 'A', Skipped => 'S', _ => '?',
    };

    public static string FromHistoryLetter(char letter) => letter switch
    {
        'P' => Passed, 'F' => Failed, 'N' => Pending, 'U' => Undefined, 'A' => Ambiguous, 'S' => Skipped, '-' => NotRun, _ => Unknown,
    };
}
