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
    private readonly ConnectionString _connection;
    private readonly bool _inMemory;
    private LiteDatabase? _database;
    private readonly CrossProcessFileLock? _lock;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _disposed;

    private SingleProcessAccess(ConnectionString connection, bool inMemory, LiteDatabase database, CrossProcessFileLock? fileLock)
    {
        _connection = connection;
        _inMemory = inMemory;
        _database = database;
        _lock = fileLock;
    }

    public bool IsExclusive => true;

    public static async Task<SingleProcessAccess> OpenAsync(ConnectionString connection, bool inMemory, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        if (inMemory) return new SingleProcessAccess(connection, true, LiteDbOpener.Open(connection), null);
        var fileLock = await CrossProcessFileLock.AcquireAsync(connection.Filename, lockTimeout,
            "Several processes may share one memory file only if every one of them uses MemoryConcurrency.MultiProcess.",
            cancellationToken).ConfigureAwait(false);
        try
        {
            LiteDbFileFormat.EnsureLiteDbOrAbsent(connection.Filename, !string.IsNullOrEmpty(connection.Password));
            return new SingleProcessAccess(connection, false, LiteDbOpener.Open(connection), fileLock);
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
        return _oneAtATime.Wait(0, cancellationToken) ? ValueTask.FromResult(RunHeld(work)) : RunAfterWaitAsync(work, cancellationToken);
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
            if (_disposed) throw new MemoryStoreException($"The memory file '{_connection.Filename}' is closed; open a new backend to continue.");
            if (_database is null)
            {
                // A damaged page closed the engine on an earlier call: check the file again and reopen it.
                if (!_inMemory) LiteDbFileFormat.EnsureLiteDbOrAbsent(_connection.Filename, !string.IsNullOrEmpty(_connection.Password));
                _database = LiteDbOpener.Open(_connection);
            }
            return work(_database);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or MemoryStoreException))
        {
            // LiteDB closes its engine by itself after a damaged page or an I/O error; drop it so the next call reopens
            // the file instead of meeting a disposed lock, and report what broke.
            CloseQuietly();
            throw MemoryStoreDamagedException.FromOperation(_connection.Filename, exception);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private void CloseQuietly()
    {
        if (_inMemory) return; // an in-memory database would be lost; keep it
        try { _database?.Dispose(); }
        catch (Exception exception) when (exception is not OutOfMemoryException) { /* already broken */ }
        _database = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            try { _database?.Dispose(); }
            catch (Exception exception) when (exception is LiteException or IOException or ObjectDisposedException) { /* damaged file: nothing more to fold in */ }
            _database = null;
            _lock?.Dispose();
        }
        finally
        {
            _oneAtATime.Release(); // a late caller then gets the clear "closed" error instead of waiting forever
        }
    }
}
