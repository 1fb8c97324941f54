namespace Kaizen.Specs.Workloads.CodeReview;

/// <summary>A generated repository: its files (path → text) and the defects planted in them.</summary>
/// <param name="Files">Every file, keyed by its path relative to the root (forward slashes), in generation order.</param>
/// <param name="Defects">Every planted defect, in file then line order.</param>
public sealed record GeneratedCodebase(
    IReadOnlyList<KeyValuePair<string, string>> Files,
    IReadOnlyList<PlantedDefect> Defects)
{
    /// <summary>Writes the files under <paramref name="root"/> and returns their full paths, in generation order.</summary>
    public IReadOnlyList<string> WriteTo(string root)
    {
        var written = new List<string>(Files.Count);
        foreach (var (relative, text) in Files)
        {
            var full = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            written.Add(full);
        }
        return written;
    }
}
