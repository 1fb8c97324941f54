namespace Kaizen.Agents.Bench.Memory;

/// <summary>Command-line options of the memory bench.</summary>
internal sealed record MemoryBenchOptions(int Turns, int DurableTurns, int Writers, int Samples, int ColdSamples, string Folder, int GroupTurns, int GroupRounds, bool GroupOnly)
{
    public static MemoryBenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var folderAt = Array.IndexOf(args, "--folder");
        var folder = folderAt >= 0 && folderAt + 1 < args.Length
            ? args[folderAt + 1]
            : Path.Combine(Path.GetTempPath(), "kaizen-memory-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        return new MemoryBenchOptions(
            Int("--turns", 100_000), Int("--durable-turns", 2_000), Int("--writers", 64), Int("--samples", 20_000), Int("--cold-samples", 500), folder,
            Int("--group-turns", 20_000), Int("--group-rounds", 2), Text("--only") == "group");
    }
}
