namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// Hands every backend of this process the same <see cref="MemoryFile"/> for the same path (opening one file twice
/// in direct mode would corrupt it) and closes the file when its last backend is disposed.
/// </summary>
internal static class MemoryFileRegistry
{
    private static readonly Dictionary<string, Entry> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static async Task<MemoryFile> AcquireAsync(MemoryLocation location, MemoryOptions options, CancellationToken cancellationToken)
    {
        if (location.InMemory) return await MemoryFile.OpenAsync(location, options, cancellationToken).ConfigureAwait(false);
        Entry entry;
        lock (Gate)
        {
            if (Open.TryGetValue(location.FullPath, out var existing) && !existing.Opening.IsFaulted && !existing.Opening.IsCanceled)
            {
                entry = existing;
            }
            else
            {
                entry = new Entry(MemoryFile.OpenAsync(location, options, CancellationToken.None));
                Open[location.FullPath] = entry;
            }

            entry.References++;
        }

        try
        {
            var file = await entry.Opening.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (file.Location.Concurrency != location.Concurrency)
            {
                await ReleaseAsync(file).ConfigureAwait(false);
                throw new MemoryStoreException(
                    $"'{location.FullPath}' is already open in this process with MemoryConcurrency.{file.Location.Concurrency}; " +
                    $"every backend on one file must use the same mode (this one asked for {location.Concurrency}).");
            }

            return file;
        }
        catch (Exception) when (entry.Opening.IsFaulted || entry.Opening.IsCanceled)
        {
            lock (Gate)
            {
                entry.References--;
                if (Open.TryGetValue(location.FullPath, out var current) && current == entry && entry.References == 0) Open.Remove(location.FullPath);
            }

            throw;
        }
    }

    public static async ValueTask ReleaseAsync(MemoryFile file)
    {
        if (file.Location.InMemory)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            return;
        }

        lock (Gate)
        {
            var entry = Open[file.Location.FullPath];
            if (--entry.References > 0) return;
            Open.Remove(file.Location.FullPath);
        }

        await file.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Entry(Task<MemoryFile> opening)
    {
        public Task<MemoryFile> Opening { get; } = opening;
        public int References { get; set; }
    }
}
