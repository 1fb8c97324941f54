namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// Hands every <see cref="LiteDbCheckpointStore"/> of this process the same <see cref="CheckpointFile"/> for the same
/// path and closes it with its last store. Two LiteDB engines on one file each keep their own header, page cache and
/// unwritten log, so one would not see the other's newest checkpoints (a resume by another agent on the same data
/// folder could fail with "checkpoint not found") and their writes could overwrite each other.
/// </summary>
internal static class CheckpointFileRegistry
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
    private static readonly Dictionary<string, Entry> Open = new(PathComparer);
    private static readonly Lock Gate = new();

    public static CheckpointFile Acquire(string fullPath)
    {
        lock (Gate)
        {
            if (!Open.TryGetValue(fullPath, out var entry))
            {
                entry = new Entry(CheckpointFile.Open(fullPath));
                Open[fullPath] = entry;
            }
            entry.References++;
            return entry.File;
        }
    }

    public static void Release(CheckpointFile file)
    {
        lock (Gate)
        {
            if (!Open.TryGetValue(file.Path, out var entry) || !ReferenceEquals(entry.File, file)) return;
            if (--entry.References > 0) return;
            Open.Remove(file.Path);
            // Closed inside the lock so a store opening the same path right after waits for the file to be released.
            file.Dispose();
        }
    }

    private sealed class Entry(CheckpointFile file)
    {
        public CheckpointFile File { get; } = file;
        public int References { get; set; }
    }
}
