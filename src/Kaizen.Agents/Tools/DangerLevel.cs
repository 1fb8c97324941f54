namespace Kaizen.Agents.Tools;

/// <summary>
/// How much harm a tool call can do. The E2E guide's SAFE / MODERATE / DANGEROUS map to
/// <see cref="Safe"/> / <see cref="Medium"/> / <see cref="High"/> and above.
/// </summary>
public enum DangerLevel
{
    /// <summary>Reads only, no side effects (e.g. <c>read_file</c>).</summary>
    Safe,
    /// <summary>Reads outside the process but changes nothing (e.g. <c>http_get</c>).</summary>
    Low,
    /// <summary>Changes state in a recoverable way (e.g. <c>write_file</c>, <c>http_post</c>).</summary>
    Medium,
    /// <summary>Destroys data (e.g. <c>delete_file</c>).</summary>
    High,
    /// <summary>Can do anything the process can (e.g. <c>run_command</c>).</summary>
    Critical,
}

/// <summary>Helpers on <see cref="DangerLevel"/>.</summary>
public static class DangerLevelExtensions
{
    /// <summary>
    /// Whether a failed call at this level may be repeated: only levels without side effects
    /// (<see cref="DangerLevel.Safe"/>, <see cref="DangerLevel.Low"/>) are idempotent.
    /// </summary>
    public static bool IsRetrySafe(this DangerLevel level) => level <= DangerLevel.Low;
}
