using System.Threading.Channels;
using Kaizen.Agents.Memory;
using Npgsql;
using NpgsqlTypes;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// Group commit for memory turns: every backend of a database in this process enqueues here, and one loop writes
/// whatever is waiting (up to <see cref="MaxBatch"/> turns) in one transaction. Sequence numbers are taken from the
/// session's row, locked for the transaction, so writers in other processes interleave without gaps or duplicates;
/// sessions are locked in id order, so two processes' batches never deadlock; a batch is one round trip plus the commit. A turn's task completes only once its
/// transaction has committed; a failed transaction fails every turn in it and writes none of them.
/// </summary>
internal sealed class PostgresTurnWriter : IAsyncDisposable
{
    public const int MaxBatch = 1024;

    private readonly PostgresDatabase _database;
    private readonly Channel<PendingTurn> _queue = Channel.CreateUnbounded<PendingTurn>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public PostgresTurnWriter(PostgresDatabase database)
    {
        _database = database;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far (the bench reports turns per commit).</summary>
    public long Commits { get; private set; }

    public Task<MemoryTurn> EnqueueAsync(PendingTurn turn)
    {
        if (!_queue.Writer.TryWrite(turn)) throw new ObjectDisposedException(nameof(PostgresDatabase), "The PostgreSQL database of this memory backend was disposed.");
        return turn.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingTurn>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var turn)) batch.Add(turn);
            try
            {
                var stored = await _database.InTransactionAsync($"storing {batch.Count} memory turn(s)",
                    (connection, transaction, token) => WriteAsync(connection, transaction, batch, token), CancellationToken.None).ConfigureAwait(false);
                Commits++;
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(stored[i]);
            }
            catch (Exception ex)
            {
                foreach (var turn in batch) turn.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One round trip for the whole batch: a statement per session (in id order) that reserves the sequences (creating
    /// the session's row, or locking it until commit) and inserts the turns; then the commit.
    /// </summary>
    private async Task<MemoryTurn[]> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingTurn> batch, CancellationToken token)
    {
        var ids = batch.Select(_ => Guid.CreateVersion7()).ToArray();
        var sessions = batch.Select((turn, index) => (turn, index)).GroupBy(p => p.turn.SessionId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList()).ToList();
        await using var statements = new NpgsqlBatch(connection, transaction);
        foreach (var session in sessions) statements.BatchCommands.Add(InsertSessionTurns(session.Select(p => p.turn).ToList(), session.Select(p => ids[p.index]).ToArray()));

        var sequences = new long[batch.Count];
        await using var reader = await statements.ExecuteReaderAsync(token).ConfigureAwait(false);
        foreach (var session in sessions)
        {
            if (!await reader.ReadAsync(token).ConfigureAwait(false)) throw new InvalidOperationException($"No sequence was reserved for session '{session[0].turn.SessionId}'.");
            var first = reader.GetInt64(0);
            for (var i = 0; i < session.Count; i++) sequences[session[i].index] = first + i;
            await reader.NextResultAsync(token).ConfigureAwait(false);
        }
        return batch.Select((t, i) => new MemoryTurn(ids[i].ToString("N"), t.SessionId, sequences[i], t.Role, t.Content, t.Timestamp, t.MetadataAsRead)).ToArray();
    }

    private NpgsqlBatchCommand InsertSessionTurns(List<PendingTurn> turns, Guid[] ids)
    {
        var command = new NpgsqlBatchCommand(
            $"WITH reserved AS (INSERT INTO {_database.Table("memory_sessions")} AS s (session_id, next_sequence, embedder, dimensions) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (session_id) DO UPDATE SET next_sequence = s.next_sequence + excluded.next_sequence, embedder = coalesce(s.embedder, excluded.embedder), " +
            "dimensions = coalesce(s.dimensions, excluded.dimensions) RETURNING next_sequence - $2 AS first), " +
            $"written AS (INSERT INTO {_database.Table("memory_turns")} (session_id, sequence, id, role, content, utc_ticks, offset_minutes, metadata, embedding, embedder) " +
            "SELECT $1, reserved.first + t.ordinality - 1, t.id, t.role, t.content, t.utc_ticks, t.offset_minutes, t.metadata, t.embedding, t.embedder FROM reserved, " +
            "unnest($5::uuid[], $6::text[], $7::text[], $8::bigint[], $9::smallint[], $10::bytea[], $11::bytea[], $12::text[]) " +
            "WITH ORDINALITY AS t(id, role, content, utc_ticks, offset_minutes, metadata, embedding, embedder, ordinality)) " +
            "SELECT first FROM reserved");
        var head = turns[0];
        command.Parameters.Add(new NpgsqlParameter { Value = head.SessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)turns.Count });
        command.Parameters.Add(new NpgsqlParameter { Value = head.EmbedderId });
        command.Parameters.Add(new NpgsqlParameter { Value = head.Dimensions });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Role).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Content).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Timestamp.UtcTicks).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => (short)t.Timestamp.Offset.TotalMinutes).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Metadata).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Embedding).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Embedding is null ? null : t.EmbedderId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
