using Kaizen.Agents.Checkpoints;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// Checkpoints in PostgreSQL, shared by every process on the database. Each save (its retention and the thread's head
/// included) is one transaction that locks the thread's row, so concurrent saves of one thread are serialised and a
/// save with <see cref="CheckpointWrite.ExpectedHeadId"/> fails with <see cref="CheckpointConflictException"/> when
/// another run extended the thread first. States are compressed and checksummed by <see cref="CheckpointCodec"/>,
/// exactly as in the LiteDB store; a damaged row raises <see cref="CheckpointCorruptedException"/> naming the previous
/// valid checkpoint.
/// </summary>
public sealed class PostgresCheckpointStore : ICheckpointStore
{
    private const string Columns = "id, thread_id, parent_id, turn, created_at, kind, compression, raw_size, stored_size, sha256";
    private readonly PostgresDatabase _database;
    private readonly CheckpointCompression _compression;
    private readonly TimeProvider _time;
    private readonly string _checkpoints;
    private readonly string _threads;

    /// <summary>A store on <paramref name="database"/> (not owned: dispose the database after the store).</summary>
    /// <param name="database">The database and schema.</param>
    /// <param name="compression">How new checkpoints are compressed.</param>
    /// <param name="timeProvider">Clock for creation times and ids.</param>
    public PostgresCheckpointStore(PostgresDatabase database, CheckpointCompression compression = CheckpointCompression.Auto, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _compression = compression;
        _time = timeProvider ?? TimeProvider.System;
        _checkpoints = database.Table("checkpoints");
        _threads = database.Table("checkpoint_threads");
    }

    /// <summary>The store, as errors name it.</summary>
    public string Location => _database.Location;

    /// <inheritdoc />
    public Task<CheckpointInfo> SaveAsync(CheckpointWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.KeepLast is { } keepLast) ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1, nameof(write));
        var encoded = CheckpointCodec.Encode(write.State, _compression);
        var now = _time.GetUtcNow();
        var created = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMicrosecond)); // timestamptz keeps microseconds
        var info = new CheckpointInfo(
            Guid.CreateVersion7(created).ToString("N"), write.ThreadId, write.ParentId, write.State.Turn, created, write.Kind,
            encoded.Compression, encoded.RawSize, encoded.Stored.Length, encoded.Sha256);
        return _database.InTransactionAsync($"saving a checkpoint of thread '{write.ThreadId}'", async (connection, transaction, token) =>
        {
            var head = await LockThreadAsync(connection, transaction, write.ThreadId, token).ConfigureAwait(false);
            if (write.ExpectedHeadId is { } expected && head != expected)
                throw new CheckpointConflictException(write.ThreadId, expected, head, _database.Location);
            await using (var insert = new NpgsqlCommand(
                $"INSERT INTO {_checkpoints} ({Columns}, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", connection, transaction))
            {
                insert.WithValues(info.Id, info.ThreadId, info.ParentId, info.Turn, info.CreatedAt, (short)info.Kind, (short)info.Compression,
                    info.RawSize, info.StoredSize, info.Sha256, encoded.Stored);
                await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }
            await using (var advance = new NpgsqlCommand($"UPDATE {_threads} SET head_id = $2, saved = saved + 1 WHERE thread_id = $1", connection, transaction))
            {
                advance.WithValues(info.ThreadId, info.Id);
                await advance.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }
            if (write.KeepLast is { } keep) await DeleteAllButNewestAsync(connection, transaction, write.ThreadId, keep, token).ConfigureAwait(false);
            return info;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Checkpoint> LoadAsync(string checkpointId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointId);
        var row = await _database.RunAsync($"loading checkpoint '{checkpointId}'", (connection, token) =>
            ReadRowAsync(connection, checkpointId, token), cancellationToken).ConfigureAwait(false)
            ?? throw new CheckpointNotFoundException(checkpointId, _database.Location);
        if (row.Info is null)
            throw new CheckpointCorruptedException(checkpointId, $"its row in {_checkpoints} of {_database.Location} is unreadable ({row.Problem})",
                await FindPreviousValidAsync(row.ThreadId, checkpointId, cancellationToken).ConfigureAwait(false));
        try
        {
            return new Checkpoint(row.Info, Decode(row.Payload, row.Info));
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointCorruptedException(checkpointId, $"{ex.Message} (row in {_checkpoints} of {_database.Location})",
                await FindPreviousValidAsync(row.ThreadId, checkpointId, cancellationToken).ConfigureAwait(false), ex);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointInfo>> ListAsync(string threadId, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<CheckpointInfo>>($"listing thread '{threadId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM {_checkpoints} WHERE thread_id = $1 ORDER BY turn, created_at, id", connection);
            command.WithValues(threadId);
            var infos = new List<CheckpointInfo>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                infos.Add(ReadInfo(reader, out var problem) ?? throw new CheckpointCorruptedException(reader.GetString(0),
                    $"its row in {_checkpoints} of {_database.Location} is unreadable ({problem})", null));
            }
            return infos;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListThreadsAsync(CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<string>>("listing threads", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"SELECT thread_id FROM {_threads} WHERE head_id IS NOT NULL ORDER BY thread_id", connection);
            var threads = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false)) threads.Add(reader.GetString(0));
            return threads;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneAsync(string threadId, int keepLast, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1);
        return _database.InTransactionAsync($"pruning thread '{threadId}'", async (connection, transaction, token) =>
        {
            await LockThreadAsync(connection, transaction, threadId, token).ConfigureAwait(false);
            return await DeleteAllButNewestAsync(connection, transaction, threadId, keepLast, token).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Nothing to release: the database (and its connection pool) belongs to the caller.</summary>
    public void Dispose()
    {
    }

    /// <summary>Creates the thread's row if needed and locks it for the transaction; returns the thread's head.</summary>
    private async Task<string?> LockThreadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string threadId, CancellationToken token)
    {
        await using (var create = new NpgsqlCommand($"INSERT INTO {_threads} (thread_id) VALUES ($1) ON CONFLICT (thread_id) DO NOTHING", connection, transaction))
        {
            create.WithValues(threadId);
            await create.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }
        await using var read = new NpgsqlCommand($"SELECT head_id FROM {_threads} WHERE thread_id = $1 FOR UPDATE", connection, transaction);
        read.WithValues(threadId);
        return await read.ExecuteScalarAsync(token).ConfigureAwait(false) as string;
    }

    private async Task<int> DeleteAllButNewestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string threadId, int keepLast, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(
            $"DELETE FROM {_checkpoints} WHERE id IN (SELECT id FROM {_checkpoints} WHERE thread_id = $1 " +
            $"ORDER BY turn DESC, created_at DESC, id DESC OFFSET $2)", connection, transaction);
        command.WithValues(threadId, keepLast);
        return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
    }

    private async Task<StoredRow?> ReadRowAsync(NpgsqlConnection connection, string checkpointId, CancellationToken token)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns}, payload FROM {_checkpoints} WHERE id = $1", connection);
        command.WithValues(checkpointId);
        await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
        if (!await reader.ReadAsync(token).ConfigureAwait(false)) return null;
        var info = ReadInfo(reader, out var problem);
        var payload = reader.IsDBNull(10) ? [] : reader.GetFieldValue<byte[]>(10);
        return new StoredRow(reader.IsDBNull(1) ? "" : reader.GetString(1), info, problem, payload);
    }

    /// <summary>The newest older checkpoint of the thread that loads and verifies (rows are ordered by their raw columns, so damaged ones do not hide it).</summary>
    private async Task<string?> FindPreviousValidAsync(string threadId, string corruptedId, CancellationToken cancellationToken)
    {
        var older = await _database.RunAsync<List<string>>($"looking for a valid checkpoint before '{corruptedId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT c.id FROM {_checkpoints} c, {_checkpoints} bad WHERE bad.id = $2 AND c.thread_id = $1 " +
                "AND (c.turn, c.created_at, c.id) < (bad.turn, bad.created_at, bad.id) ORDER BY c.turn DESC, c.created_at DESC, c.id DESC", connection);
            command.WithValues(threadId, corruptedId);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false)) ids.Add(reader.GetString(0));
            return ids;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var candidate in older)
        {
            var row = await _database.RunAsync($"verifying checkpoint '{candidate}'", (connection, token) =>
                ReadRowAsync(connection, candidate, token), cancellationToken).ConfigureAwait(false);
            if (row?.Info is null) continue;
            try
            {
                Decode(row.Payload, row.Info);
                return candidate;
            }
            catch (InvalidDataException)
            {
            }
        }
        return null;
    }

    private static AgentState Decode(byte[] payload, CheckpointInfo info)
    {
        var state = CheckpointCodec.Decode(payload, info.Compression, info.RawSize, info.Sha256);
        if (state.Turn != info.Turn) throw new InvalidDataException($"the row says turn {info.Turn} but its state is at turn {state.Turn}");
        return state;
    }

    private static CheckpointInfo? ReadInfo(NpgsqlDataReader reader, out string? problem)
    {
        problem = null;
        try
        {
            var kind = reader.GetInt16(5);
            var compression = reader.GetInt16(6);
            if (!Enum.IsDefined((CheckpointKind)kind)) throw new InvalidDataException($"unknown kind code {kind}");
            if (!Enum.IsDefined((CheckpointCompression)compression)) throw new InvalidDataException($"unknown compression code {compression}");
            return new CheckpointInfo(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), (CheckpointKind)kind, (CheckpointCompression)compression,
                reader.GetInt64(7), reader.GetInt64(8), reader.GetString(9));
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidCastException)
        {
            problem = ex.Message;
            return null;
        }
    }

    private sealed record StoredRow(string ThreadId, CheckpointInfo? Info, string? Problem, byte[] Payload);
}
