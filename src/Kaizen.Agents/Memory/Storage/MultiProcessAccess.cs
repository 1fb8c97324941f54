using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// Shares the file with other processes: each operation takes the lock file, opens LiteDB, works, closes it
/// (LiteDB checkpoints on close) and releases the lock. Nobody ever sees "database is locked"; they wait their turn.
/// </summary>
internal sealed class MultiProcessAccess(ConnectionString connection, TimeSpan lockTimeout) : IDatabaseAccess
{
    private readonly SemaphoreSlim _inProcess = new(1, 1);

    public bool IsExclusive => false;

    public static async Task<MultiProcessAccess> OpenAsync(ConnectionString connection, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var access = new MultiProcessAccess(connection, lockTimeout);
        await access.RunAsync(_ => true, cancellationToken).ConfigureAwait(false); // validates the file once, early
        return access;
    }

    public async ValueTask<T> RunAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken)
    {
        await _inProcess.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var fileLock = await CrossProcessFileLock.AcquireAsync(connection.Filename, lockTimeout,
                "A process using MemoryConcurrency.SingleProcess keeps the file to itself; switch it to MultiProcess.",
                cancellationToken).ConfigureAwait(false);
            LiteDbFileFormat.EnsureLiteDbOrAbsent(connection.Filename, !string.IsNullOrEmpty(connection.Password));
            LiteDatabase? database = null;
            try
            {
                database = LiteDbOpener.Open(connection);
                return work(database);
            }
            catch (Exception exception) when (exception is not (OperationCanceledException or MemoryStoreException))
            {
                throw MemoryStoreDamagedException.FromOperation(connection.Filename, exception);
            }
            finally
            {
                try { database?.Dispose(); }
                catch (Exception exception) when (exception is LiteException or IOException or ObjectDisposedException) { /* damaged file */ }
            }
        }
        finally
        {
            _inProcess.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _inProcess.Dispose();
        return ValueTask.CompletedTask;
    }
}
