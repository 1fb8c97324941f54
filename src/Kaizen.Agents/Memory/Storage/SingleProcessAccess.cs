using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>Keeps the database open for this process, holding the lock file so no other process opens it meanwhile.</summary>
internal sealed class SingleProcessAccess : IDatabaseAccess
{
    private readonly LiteDatabase _database;
    private readonly CrossProcessFileLock? _lock;

    private SingleProcessAccess(LiteDatabase database, CrossProcessFileLock? fileLock)
    {
        _database = database;
        _lock = fileLock;
    }

    public bool IsExclusive => true;

    public static async Task<SingleProcessAccess> OpenAsync(ConnectionString connection, bool inMemory, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        if (inMemory) return new SingleProcessAccess(LiteDbOpener.Open(connection), null);
        var fileLock = await CrossProcessFileLock.AcquireAsync(connection.Filename, lockTimeout,
            "Several processes may share one memory file only if every one of them uses MemoryConcurrency.MultiProcess.",
            cancellationToken).ConfigureAwait(false);
        try
        {
            LiteDbFileFormat.EnsureLiteDbOrAbsent(connection.Filename, !string.IsNullOrEmpty(connection.Password));
            return new SingleProcessAccess(LiteDbOpener.Open(connection), fileLock);
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    public ValueTask<T> RunAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return ValueTask.FromResult(work(_database));
        }
        catch (ObjectDisposedException disposed)
        {
            // LiteDB closes its engine by itself after an I/O error or a damaged page; a call caught in that moment
            // sees only a disposed lock. The engine keeps the original error, which a second call surfaces.
            try { work(_database); }
            catch (Exception cause) when (cause is not ObjectDisposedException)
            {
                throw new MemoryStoreException($"LiteDB closed the memory file after a fatal error: {cause.Message} " +
                                               "Committed turns are safe in the file; open a new backend to continue.", cause);
            }
            throw new MemoryStoreException("LiteDB closed the memory file while an operation was starting; open a new backend to continue.", disposed);
        }
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        _lock?.Dispose();
        return ValueTask.CompletedTask;
    }
}
