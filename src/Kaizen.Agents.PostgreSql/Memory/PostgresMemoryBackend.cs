using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// Three-tier conversation memory in PostgreSQL, shared by every process on the database: hot (the newest turns) and
/// warm (the last window) are indexed reads of <c>memory_turns</c>; cold searches the session's embeddings, stored in
/// half precision and held in an in-process index that catches up with other processes' turns before each search
/// (no pgvector needed; see docs/postgresql.md to switch to it). Sessions never see each other's turns; several
/// backends on one session, in any process, share one gap-free sequence. Writes are group-committed per database and
/// process: a turn is durable when <see cref="StoreTurnAsync"/> returns.
/// </summary>
/// <remarks>
/// Same validation as the LiteDB backend (empty role, <c>null</c> content and content above
/// <see cref="MemoryOptions.MaxContentBytes"/> are refused) and the same metadata encoding, so nested values come back
/// with the same types. Not supported here: the in-process hot cache's statistics and promotion into the warm set.
/// </remarks>
public sealed partial class PostgresMemoryBackend : IMemoryBackend
{
    private readonly PostgresDatabase _database;
    private readonly TurnEmbedder _embedder;
    private readonly string _turns;
    private readonly string _sessions;
    private volatile bool _ready;

    /// <summary>A backend for <paramref name="sessionId"/> on <paramref name="database"/> (not owned: dispose the database after the backend).</summary>
    public PostgresMemoryBackend(PostgresDatabase database, string sessionId, MemoryOptions? options = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        Options = options ?? new MemoryOptions();
        Options.Validate();
        _embedder = new TurnEmbedder(Options.EmbeddingGenerator, Options.EmbeddingDimensions);
        SessionId = sessionId;
        _turns = database.Table("memory_turns");
        _sessions = database.Table("memory_sessions");
    }

    /// <inheritdoc />
    public string SessionId { get; }

    /// <summary>The options this backend was created with.</summary>
    public MemoryOptions Options { get; }

    /// <summary>The store, as errors name it.</summary>
    public string Location => _database.Location;

    /// <summary>Model id recorded with this backend's vectors.</summary>
    public string EmbeddingModelId => _embedder.ModelId;

    /// <inheritdoc />
    /// <exception cref="EmbedderMismatchException">The session's vectors were stored by another embedder.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_ready) return;
        var stored = await _database.RunAsync($"opening memory session '{SessionId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"SELECT embedder, coalesce(dimensions, 0) FROM {_sessions} WHERE session_id = $1", connection);
            command.WithValues(SessionId);
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            return await reader.ReadAsync(token).ConfigureAwait(false) && !reader.IsDBNull(0) ? (reader.GetString(0), reader.GetInt32(1)) : ((string, int)?)null;
        }, cancellationToken).ConfigureAwait(false);
        if (stored is { } session && session.Item1 != _embedder.ModelId)
            throw new EmbedderMismatchException(_database.Location, SessionId, session.Item1, session.Item2, _embedder.ModelId, _embedder.Dimensions, reembedInterrupted: false);
        _ready = true;
    }

    /// <inheritdoc />
    public async Task<MemoryTurn> StoreTurnAsync(string role, string content, DateTimeOffset timestamp,
        IReadOnlyDictionary<string, object?>? metadata = null, CancellationToken cancellationToken = default)
    {
        var pending = await PrepareAsync(new NewTurn(role, content, timestamp, metadata), cancellationToken).ConfigureAwait(false);
        return await _database.TurnWriter.EnqueueAsync(pending).ConfigureAwait(false);
    }

    /// <summary>Stores several turns, validated before any is written; each is durable when the task completes.</summary>
    public async Task<IReadOnlyList<MemoryTurn>> StoreTurnsAsync(IEnumerable<NewTurn> turns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var pending = new List<PendingTurn>();
        foreach (var turn in turns) pending.Add(await PrepareAsync(turn, cancellationToken).ConfigureAwait(false));
        return await Task.WhenAll(pending.Select(_database.TurnWriter.EnqueueAsync)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryTurn>> LoadHotTierAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadTurnsAsync("reading the hot tier", $"WHERE session_id = $1 ORDER BY sequence DESC LIMIT {limit}", [], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MemoryTurn>> LoadWarmTierAsync(int window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        var newest = await ReadTurnsAsync("reading the warm tier", $"WHERE session_id = $1 ORDER BY sequence DESC LIMIT {window}", [], cancellationToken).ConfigureAwait(false);
        return newest.Reverse().ToList();
    }

    /// <summary>The turn with this id, or <c>null</c> when this session has no such turn.</summary>
    public async Task<MemoryTurn?> GetTurnAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!Guid.TryParse(id, out var key)) return null;
        return (await ReadTurnsAsync($"reading turn '{id}'", "WHERE session_id = $1 AND id = $2", [key], cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>Number of stored turns in this session.</summary>
    public Task<long> CountTurnsAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync("counting turns", $"SELECT count(*) FROM {_turns} WHERE session_id = $1", cancellationToken);

    /// <summary>Sequence of the newest stored turn, -1 when the session is empty.</summary>
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync("reading the newest sequence", $"SELECT coalesce(max(sequence), -1) FROM {_turns} WHERE session_id = $1", cancellationToken);

    /// <summary>Deletes every turn of this session (numbering starts again at 0); returns how many were deleted. Other sessions are untouched.</summary>
    public async Task<int> DeleteSessionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await _database.InTransactionAsync($"deleting memory session '{SessionId}'", async (connection, transaction, token) =>
        {
            await using var reset = new NpgsqlCommand(
                $"UPDATE {_sessions} SET next_sequence = 0, generation = generation + 1, embedder = NULL WHERE session_id = $1", connection, transaction);
            reset.WithValues(SessionId);
            await reset.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            await using var delete = new NpgsqlCommand($"DELETE FROM {_turns} WHERE session_id = $1", connection, transaction);
            delete.WithValues(SessionId);
            return await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _ready = false;
        return deleted;
    }

    /// <summary>
    /// Deletes one turn of this session; false when this session has no turn with that id. Its number is not given to
    /// another turn. Other processes' searches drop the turn from their index when they next meet it.
    /// </summary>
    public async Task<bool> DeleteTurnAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (!Guid.TryParse(id, out var key)) return false;
        var deleted = await _database.RunAsync($"deleting turn '{id}' of session '{SessionId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {_turns} WHERE session_id = $1 AND id = $2 RETURNING sequence", connection);
            command.WithValues(SessionId, key);
            return await command.ExecuteScalarAsync(token).ConfigureAwait(false) as long?;
        }, cancellationToken).ConfigureAwait(false);
        if (deleted is not { } sequence) return false;
        await ForgetInIndexAsync([sequence], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public Task CleanupAsync(CancellationToken cancellationToken = default) => DeleteSessionAsync(cancellationToken);

    /// <summary>Nothing to release: the database belongs to the caller (turns already enqueued are written before it closes).</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<PendingTurn> PrepareAsync(NewTurn turn, CancellationToken cancellationToken)
    {
        MemoryArguments.CheckTurn(turn, Options.MaxContentBytes);
        var (role, content, timestamp, metadata) = turn;
        var encodedMetadata = metadata is { Count: > 0 } ? TurnRows.EncodeMetadata(metadata) : null;
        var metadataAsRead = encodedMetadata is null ? TurnRows.NoMetadata : TurnRows.DecodeMetadata(encodedMetadata);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var vector = _embedder.VectorAtWrite(content);
        cancellationToken.ThrowIfCancellationRequested();
        var dimensions = _embedder.EmbedsAtWrite ? vector.Length : _embedder.Dimensions;
        return new PendingTurn(SessionId, role, content, timestamp, encodedMetadata, metadataAsRead, HalfVectors.Encode(vector), _embedder.ModelId, dimensions);
    }

    private async Task<IReadOnlyList<MemoryTurn>> ReadTurnsAsync(string operation, string where, object[] parameters, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RunAsync<IReadOnlyList<MemoryTurn>>($"{operation} of session '{SessionId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {TurnRows.Columns} FROM {_turns} {where}", connection);
            command.WithValues([SessionId, .. parameters]);
            return await command.ReadAllAsync(reader => TurnRows.Read(reader, _database.Location), token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> ScalarAsync(string operation, string sql, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _database.RunAsync($"{operation} of session '{SessionId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.WithValues(SessionId);
            return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
    }
}
