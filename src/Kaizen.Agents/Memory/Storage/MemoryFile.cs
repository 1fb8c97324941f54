using System.Collections.Concurrent;
using Kaizen.Agents.Memory.Tiers;
using Kaizen.Agents.Storage;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// One database file as this process uses it: the access mode, the single writer, and the state of each session.
/// Every backend on the same file in this process shares one <see cref="MemoryFile"/> (see <see cref="OpenFileRegistry"/>);
/// a backend whose options disagree with the ones the file or session was opened with is refused, naming both.
/// </summary>
internal sealed class MemoryFile : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (SessionState State, MemorySessionSettings Settings)> _sessions = new(StringComparer.Ordinal);

    private MemoryFile(MemoryLocation location, MemoryFileSettings settings, IDatabaseAccess access)
    {
        Location = location;
        Settings = settings;
        Access = access;
        Writer = new GroupCommitWriter(access, location.FullPath, settings.MaxGroupCommitBatch);
    }

    public MemoryLocation Location { get; }

    /// <summary>The options the file was opened with.</summary>
    public MemoryFileSettings Settings { get; }

    public IDatabaseAccess Access { get; }

    public GroupCommitWriter Writer { get; }

    /// <summary>The shared file at <paramref name="location"/> (a private one for an in-memory database).</summary>
    /// <exception cref="MemoryStoreException">The file is open in this process with other file-level options.</exception>
    public static async Task<MemoryFile> AcquireAsync(MemoryLocation location, MemoryOptions options, CancellationToken cancellationToken)
    {
        var settings = MemoryFileSettings.Of(location, options);
        if (location.InMemory) return await OpenAsync(location, settings, cancellationToken).ConfigureAwait(false);
        var file = await OpenFileRegistry.AcquireAsync(
            location.FullPath, token => OpenAsync(location, settings, token), f => f.DisposeAsync(), cancellationToken).ConfigureAwait(false);
        if (file.Settings == settings) return file;
        await file.ReleaseAsync().ConfigureAwait(false);
        throw new MemoryStoreException(
            $"'{location.FullPath}' is already open in this process with {file.Settings}; this backend asked for {settings}. " +
            "Every backend on one file must use the same file-level MemoryOptions.");
    }

    /// <summary>Gives this backend's hold on the file back; the last one closes it.</summary>
    public ValueTask ReleaseAsync() =>
        Location.InMemory ? DisposeAsync() : OpenFileRegistry.ReleaseAsync(Location.FullPath, this);

    /// <exception cref="MemoryStoreException">Another backend of this process uses the session with other session-level options.</exception>
    public SessionState Session(string sessionId, MemoryOptions options)
    {
        var settings = MemorySessionSettings.Of(options);
        var session = _sessions.GetOrAdd(sessionId, static (id, s) => (new SessionState(id, s.Options), s.Settings), (Options: options, Settings: settings));
        if (session.Settings == settings) return session.State;
        throw new MemoryStoreException(
            $"Session '{sessionId}' of '{Location.FullPath}' is already in use in this process with {session.Settings}; this backend asked for {settings}. " +
            "Every backend on one session must use the same session-level MemoryOptions.");
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync().ConfigureAwait(false);
        await Access.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<MemoryFile> OpenAsync(MemoryLocation location, MemoryFileSettings settings, CancellationToken cancellationToken)
    {
        IDatabaseAccess access = location.Concurrency == MemoryConcurrency.MultiProcess
            ? await MultiProcessAccess.OpenAsync(location.Connection, settings.LockTimeout, cancellationToken).ConfigureAwait(false)
            : await SingleProcessAccess.OpenAsync(location.Connection, location.InMemory, settings.LockTimeout, cancellationToken).ConfigureAwait(false);
        return new MemoryFile(location, settings, access);
    }
}
