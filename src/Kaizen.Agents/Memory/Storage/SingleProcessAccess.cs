using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// Keeps the database open for this process, holding the lock file so no other process opens it meanwhile.
/// Runs one operation at a time: LiteDB 5.0.x's page cache can recycle a page buffer that a concurrent reader has
/// looked up but not yet pinned (LiteDB issue #2817), and a read can meet a collection another transaction is still
/// creating (#2792); either trips an internal check that closes the whole engine for every backend on the file.
/// </summary>
internal sealed class SingleProcessAccess : IDatabaseAccess
{
    private readonly LiteDatabase _database;
    private readonly CrossProcessFileLock? _lock;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

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
        return _oneAtATime.Wait(0) ? ValueTask.FromResult(RunHeld(work)) : RunAfterWaitAsync(work, cancellationToken);
    }

    private async ValueTask<T> RunAfterWaitAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        return RunHeld(work);
    }

    // The work runs synchronously on this thread: LiteDB binds a transaction to the thread that began it.
    private T RunHeld<T>(Func<LiteDatabase, T> work)
    {
        try
        {
            return work(_database);
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
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            _database.Dispose();
            _lock?.Dispose();
        }
        finally
        {
            _oneAtATime.Release(); // a late caller then gets the clear "closed" error instead of waiting forever
        }
    }
}
