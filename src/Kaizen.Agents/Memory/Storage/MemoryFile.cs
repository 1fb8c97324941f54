using System.Collections.Concurrent;
using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// One database file as this process uses it: the access mode, the single writer, and the state of each session.
/// Every backend on the same file in this process shares one <see cref="MemoryFile"/> (see <see cref="MemoryFileRegistry"/>).
/// </summary>
internal sealed class MemoryFile : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);

    private MemoryFile(MemoryLocation location, IDatabaseAccess access, int maxBatch)
    {
        Location = location;
        Access = access;
        Writer = new GroupCommitWriter(access, location.FullPath, maxBatch);
    }

    public MemoryLocation Location { get; }

    public IDatabaseAccess Access { get; }

    public GroupCommitWriter Writer { get; }

    public static async Task<MemoryFile> OpenAsync(MemoryLocation location, MemoryOptions options, CancellationToken cancellationToken)
    {
        IDatabaseAccess access = location.Concurrency == MemoryConcurrency.MultiProcess
            ? await MultiProcessAccess.OpenAsync(location.Connection, options.LockTimeout, cancellationToken).ConfigureAwait(false)
            : await SingleProcessAccess.OpenAsync(location.Connection, location.InMemory, options.LockTimeout, cancellationToken).ConfigureAwait(false);
        return new MemoryFile(location, access, options.MaxGroupCommitBatch);
    }

    public SessionState Session(string sessionId, MemoryOptions options) =>
        _sessions.GetOrAdd(sessionId, static (id, o) => new SessionState(id, o), options);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync().ConfigureAwait(false);
        await Access.DisposeAsync().ConfigureAwait(false);
    }
}
