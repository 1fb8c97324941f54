namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Keeps the NDJSON of past runs (<c>docs/living-doc/runs/&lt;timestamp&gt;.ndjson</c>) so every rendering shows history;
/// only the newest <see cref="Keep"/> are kept.
/// </summary>
internal sealed class RunArchive(string folder, TimeProvider time, int keep = RunArchive.DefaultKeep)
{
    public const int DefaultKeep = 20;

    public int Keep { get; } = keep;

    /// <summary>Copies a finished run into the archive under a sortable UTC timestamp name and prunes old runs.</summary>
    public string Add(string messagesFile)
    {
        Directory.CreateDirectory(folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss");
        var target = Path.Combine(folder, stamp + ".ndjson");
        for (var n = 2; File.Exists(target); n++) target = Path.Combine(folder, $"{stamp}-{n}.ndjson");
        File.Copy(messagesFile, target);
        foreach (var old in Runs().SkipLast(Keep)) File.Delete(old);
        return target;
    }

    /// <summary>Archived runs, oldest first.</summary>
    public IReadOnlyList<string> Runs() => Directory.Exists(folder)
        ? Directory.GetFiles(folder, "*.ndjson").Order(StringComparer.Ordinal).ToList()
        : [];
}
