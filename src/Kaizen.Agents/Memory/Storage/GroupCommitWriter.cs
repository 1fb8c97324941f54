using System.Threading.Channels;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// The single writer of one database file in this process. Writes queue up while a commit runs; the next commit
/// takes every queued groupable write (up to a limit) in one transaction; a non-groupable write commits alone.
/// A failing write is retried alone so it cannot take others down with it.
/// LiteDB's inline auto-checkpoint is off for files this process keeps open (see <see cref="LiteDbOpener"/>): the writer
/// checkpoints once its queue has stayed empty for <see cref="QuietBeforeCheckpoint"/>, so a burst of writes never waits
/// for log pages being copied into the data file.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<WriteOp> _queue = Channel.CreateUnbounded<WriteOp>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDatabaseAccess _access;
    private readonly string _path;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private int _writesSinceCheckpoint;
    private int _queued; // the single-reader channel cannot count
    private long _commits, _committedWrites, _checkpoints;

    /// <summary>Writes after which an idle writer folds the log into the data file.</summary>
    internal const int CheckpointAfterWrites = 1000;

    /// <summary>How long the queue must stay empty before the writer counts as idle and checkpoints.</summary>
    internal static readonly TimeSpan QuietBeforeCheckpoint = TimeSpan.FromMilliseconds(50);

    public GroupCommitWriter(IDatabaseAccess access, string path, int maxBatch)
    {
        _access = access;
        _path = path;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (read by the bench to show batch sizes).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Checkpoints the idle writer ran so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Writes committed so far.</summary>
    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>
    /// Queues <paramref name="op"/> and waits for its commit. Cancelling before the write is queued stops it; once
    /// queued it commits with its batch and cancellation only stops the caller's wait.
    /// </summary>
    public Task<T> EnqueueAsync<T>(WriteOp<T> op, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(op))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(LiteDbMemoryBackend), $"The memory file '{_path}' is closed.");
        }

        return cancellationToken.CanBeCanceled ? op.Completion.WaitAsync(cancellationToken) : op.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteOp>();
        WriteOp? carried = null;
        Task<bool>? pendingWait = null; // the single reader may have only one wait outstanding
        while (true)
        {
            if (carried is null)
            {
                var more = pendingWait is null ? await reader.WaitToReadAsync().ConfigureAwait(false) : await pendingWait.ConfigureAwait(false);
                pendingWait = null;
                if (!more) return;
                if (!TryTake(reader, out carried)) continue;
            }

            batch.Add(carried);
            carried = null;
            if (batch[0].Groupable)
            {
                while (batch.Count < _maxBatch && TryTake(reader, out var next))
                {
                    if (!next.Groupable)
                    {
                        carried = next;
                        break;
                    }

                    batch.Add(next);
                }
            }

            await CommitAsync(batch).ConfigureAwait(false);
            _writesSinceCheckpoint += batch.Count;
            var released = batch.Count;
            batch.Clear();
            if (released > 1 && carried is null) await GatherAsync(released).ConfigureAwait(false);
            var idle = carried is null && Volatile.Read(ref _queued) == 0;
            if (!idle || _writesSinceCheckpoint < CheckpointAfterWrites) continue;

            // Checkpoint only once the queue stays empty for a moment: concurrent callers leave it empty for an
            // instant between commits all the time, and a checkpoint then would stall the rest of their burst.
            pendingWait = reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(pendingWait, Task.Delay(QuietBeforeCheckpoint)).ConfigureAwait(false) != pendingWait)
                await CheckpointAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a commit that released several callers, gives them a chance to queue their next write before the next
    /// commit starts: the writer yields its thread while the queue keeps growing, up to as many writes as it released.
    /// Fewer, larger commits; a lone writer (one write per commit) never waits here.
    /// </summary>
    private async Task GatherAsync(int released)
    {
        var seen = Volatile.Read(ref _queued);
        for (var pause = 0; pause < MaxGatherPauses && seen < released; pause++)
        {
            await Task.Yield();
            var now = Volatile.Read(ref _queued);
            if (now == seen) return; // nobody came back during the pause
            seen = now;
        }
    }

    /// <summary>Upper bound on the pauses of one <see cref="GatherAsync"/>.</summary>
    private const int MaxGatherPauses = 8;

    private bool TryTake(ChannelReader<WriteOp> reader, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out WriteOp op)
    {
        if (!reader.TryRead(out op)) return false;
        Interlocked.Decrement(ref _queued);
        return true;
    }

    private async Task CheckpointAsync()
    {
        _writesSinceCheckpoint = 0;
        if (!_access.IsExclusive) return;
        Interlocked.Increment(ref _checkpoints); // shared mode closes (and so checkpoints) the file after every operation
        try
        {
            await _access.RunAsync(database =>
            {
                database.Checkpoint();
                return true;
            }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is LiteException or MemoryStoreException)
        {
            // committed data is safe in the log; the next checkpoint (or closing the file) folds it in
        }
    }

    private async Task CommitAsync(IReadOnlyList<WriteOp> ops)
    {
        WriteBatch committed;
        try
        {
            committed = await _access.RunAsync(database => ApplyAll(database, ops), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception) when (ops.Count > 1)
        {
            foreach (var op in ops) await CommitAsync([op]).ConfigureAwait(false);
            return;
        }
        catch (Exception exception)
        {
            ops[0].Fail(exception is LiteException
                ? new MemoryStoreException($"Writing to '{_path}' failed and was rolled back: {exception.Message}", exception)
                : exception);
            return;
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _committedWrites, ops.Count);
        committed.SyncSessionsBeforeCallbacks();
        foreach (var op in ops) op.Committed();
    }

    private WriteBatch ApplyAll(LiteDatabase database, IReadOnlyList<WriteOp> ops)
    {
        var batch = new WriteBatch(database, _access.IsExclusive);
        if (!database.BeginTrans()) throw new InvalidOperationException("The memory writer found a transaction already open on its thread.");
        try
        {
            foreach (var op in ops) op.Apply(batch);
            batch.SaveCounts();
            database.Commit();
            return batch;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
