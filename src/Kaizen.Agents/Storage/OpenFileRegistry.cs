namespace Kaizen.Agents.Storage;

/// <summary>
/// The database files this process holds open, shared by the checkpoint and memory stores: every store on one path
/// gets the same file object (two LiteDB engines on one file each keep their own header, cache and log, so they would
/// not see each other's writes and could overwrite them), and the file closes with its last store. A path that is still
/// closing is reopened only once the close has finished.
/// </summary>
internal static class OpenFileRegistry
{
    /// <summary>
    /// How two full paths are compared: ordinal, ignoring case only where the usual file system does
    /// (Windows and macOS), so <c>/data/A.db</c> and <c>/data/a.db</c> are two files on Linux.
    /// </summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static readonly Dictionary<string, Entry> Open = new(PathComparer);
    private static readonly Dictionary<string, Task> Closing = new(PathComparer);
    private static readonly Lock Gate = new();

    /// <summary>
    /// The open file at <paramref name="path"/>, opened with <paramref name="open"/> when no store of this process holds it.
    /// <paramref name="close"/> runs when the last holder releases it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The path is open as another kind of file (e.g. checkpoints vs memory).</exception>
    public static async Task<TFile> AcquireAsync<TFile>(
        string path, Func<CancellationToken, Task<TFile>> open, Func<TFile, ValueTask> close, CancellationToken cancellationToken)
        where TFile : class
    {
        var fullPath = Path.GetFullPath(path);
        Entry entry;
        lock (Gate)
        {
            if (Open.TryGetValue(fullPath, out var existing) && !existing.Opening.IsFaulted && !existing.Opening.IsCanceled)
            {
                if (existing.Kind != typeof(TFile))
                    throw new InvalidOperationException(
                        $"'{fullPath}' is already open in this process as a {existing.Kind.Name}; it cannot also be used as a {typeof(TFile).Name}.");
                entry = existing;
            }
            else
            {
                var previousClose = Closing.GetValueOrDefault(fullPath) ?? Task.CompletedTask;
                entry = new Entry(typeof(TFile), OpenAfterAsync(previousClose, open), file => close((TFile)file));
                Open[fullPath] = entry;
            }

            entry.References++;
        }

        try
        {
            return (TFile)await entry.Opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Failed to open, or this caller stopped waiting: give its reference back (closing the file if it opens later).
            await DropReferenceAsync(fullPath, entry).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The synchronous form for stores whose open and close are synchronous (the checkpoint store).</summary>
    public static TFile Acquire<TFile>(string path, Func<TFile> open, Action<TFile> close)
        where TFile : class =>
        AcquireAsync(path, _ => Task.FromResult(open()), file => { close(file); return ValueTask.CompletedTask; }, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>Gives back one holder's reference to <paramref name="file"/>; the last one closes it.</summary>
    public static async ValueTask ReleaseAsync(string path, object file)
    {
        var fullPath = Path.GetFullPath(path);
        Entry? entry;
        lock (Gate)
        {
            if (!Open.TryGetValue(fullPath, out entry) || !entry.Holds(file)) return;
        }

        await DropReferenceAsync(fullPath, entry).ConfigureAwait(false);
    }

    /// <summary>The synchronous form of <see cref="ReleaseAsync"/> for files with a synchronous close.</summary>
    public static void Release(string path, object file) => ReleaseAsync(path, file).AsTask().GetAwaiter().GetResult();

    private static Task DropReferenceAsync(string fullPath, Entry entry)
    {
        Task closing;
        lock (Gate)
        {
            if (--entry.References > 0) return Task.CompletedTask;
            if (Open.TryGetValue(fullPath, out var current) && current == entry) Open.Remove(fullPath);
            // Started inside the lock so an opener of the same path that comes next waits for this close.
            closing = CloseWhenOpenedAsync(entry);
            Closing[fullPath] = closing;
        }

        return ForgetWhenClosedAsync(fullPath, closing);
    }

    private static async Task<object> OpenAfterAsync<TFile>(Task previousClose, Func<CancellationToken, Task<TFile>> open)
        where TFile : class
    {
        // A failed close was reported to whoever released the file; the next opener only needs it finished.
        await previousClose.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return await open(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task CloseWhenOpenedAsync(Entry entry)
    {
        await ((Task)entry.Opening).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (entry.Opening.IsCompletedSuccessfully) await entry.Close(entry.Opening.Result).ConfigureAwait(false);
    }

    private static async Task ForgetWhenClosedAsync(string fullPath, Task closing)
    {
        try
        {
            await closing.ConfigureAwait(false);
        }
        finally
        {
            lock (Gate)
            {
                if (Closing.TryGetValue(fullPath, out var current) && current == closing) Closing.Remove(fullPath);
            }
        }
    }

    private sealed class Entry(Type kind, Task<object> opening, Func<object, ValueTask> close)
    {
        public Type Kind { get; } = kind;
        public Task<object> Opening { get; } = opening;
        public Func<object, ValueTask> Close { get; } = close;
        public int References { get; set; }

        public bool Holds(object file) => Opening.IsCompletedSuccessfully && ReferenceEquals(Opening.Result, file);
    }
}
