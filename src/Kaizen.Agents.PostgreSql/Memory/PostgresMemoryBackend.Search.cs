using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Retrieval;
using Npgsql;
using NpgsqlTypes;

namespace Kaizen.Agents.PostgreSql;

public sealed partial class PostgresMemoryBackend
{
    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private VectorIndex? _index;
    private long _indexGeneration = -1;
    private long _lastSequence = -1;

    /// <inheritdoc />
    /// <remarks>
    /// Scores are cosine similarities. The first search loads the session's stored vectors (2 bytes per dimension);
    /// each later search first reads only the vectors stored since (by any process), so a search costs two short
    /// queries plus an in-memory scan. Turns stored without a vector (a model embedder) are embedded then and their
    /// vectors saved. <see cref="MemoryOptions.ColdSearchScope"/> is honoured; promotion on retrieval is not.
    /// </remarks>
    public async Task<IReadOnlyList<ScoredMemoryTurn>> SearchColdAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query)) throw new ArgumentException("The search query is empty; pass the task or question to match turns against.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0) return [];
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var queryVector = await _embedder.EmbedAsync(query, cancellationToken).ConfigureAwait(false);

        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        List<(long Sequence, float Score)> hits;
        try
        {
            var index = await CatchUpAsync(queryVector.Length, cancellationToken).ConfigureAwait(false);
            var warmFrom = _lastSequence - Options.WarmTierSize;
            Func<long, bool>? include = Options.ColdSearchScope == ColdSearchScope.ColdOnly ? sequence => sequence <= warmFrom : null;
            hits = index.Search(queryVector, k, include);
        }
        finally
        {
            _indexGate.Release();
        }
        if (hits.Count == 0) return [];

        var turns = await ReadTurnsAsync("reading cold search results", "WHERE session_id = $1 AND sequence = ANY($2)",
            [hits.Select(h => h.Sequence).ToArray()], cancellationToken).ConfigureAwait(false);
        var bySequence = turns.ToDictionary(t => t.Sequence);
        return hits.Where(h => bySequence.ContainsKey(h.Sequence)).Select(h => new ScoredMemoryTurn(bySequence[h.Sequence], h.Score)).ToList();
    }

    /// <summary>Brings the index up to date with the database: rebuilt when the session was deleted meanwhile, else extended.</summary>
    private async Task<VectorIndex> CatchUpAsync(int dimensions, CancellationToken cancellationToken)
    {
        var stale = new List<(long Sequence, string Content)>();
        var index = await _database.RunAsync($"loading the cold tier of session '{SessionId}'", async (connection, token) =>
        {
            await using var session = new NpgsqlCommand($"SELECT generation FROM {_sessions} WHERE session_id = $1", connection);
            session.Parameters.Add(new NpgsqlParameter { Value = SessionId });
            var generation = await session.ExecuteScalarAsync(token).ConfigureAwait(false) is long g ? g : -1;
            if (_index is null || generation != _indexGeneration || _index.Dimensions != dimensions)
            {
                _index = new VectorIndex(dimensions, _embedder.ModelId);
                _indexGeneration = generation;
                _lastSequence = -1;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT sequence, embedding, CASE WHEN embedding IS NULL OR embedder IS DISTINCT FROM $3 THEN content END " +
                $"FROM {_turns} WHERE session_id = $1 AND sequence > $2 ORDER BY sequence", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = SessionId });
            command.Parameters.Add(new NpgsqlParameter { Value = _lastSequence });
            command.Parameters.Add(new NpgsqlParameter { Value = _embedder.ModelId });
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                _lastSequence = sequence;
                if (!reader.IsDBNull(2))
                {
                    var content = reader.GetString(2);
                    if (content.Length > 0) stale.Add((sequence, content));
                    continue;
                }
                var vector = DecodeVector(reader.GetFieldValue<byte[]>(1), sequence);
                if (vector.Length == dimensions) _index.Upsert(sequence, vector);
            }
            return _index;
        }, cancellationToken).ConfigureAwait(false);
        if (stale.Count > 0) await EmbedAndSaveAsync(index, stale, cancellationToken).ConfigureAwait(false);
        return index;
    }

    private float[] DecodeVector(byte[] bytes, long sequence)
    {
        try
        {
            return HalfVectors.Decode(bytes);
        }
        catch (InvalidDataException ex)
        {
            throw new MemoryStoreDamagedException(_database.Location,
                $"The embedding of turn {sequence} of session '{SessionId}' in the PostgreSQL store {_database.Location} is damaged: {ex.Message}. " +
                "Set that row's embedding to NULL (memory_turns): the next search embeds the turn again.", $"turn {sequence}: {ex.Message}", ex);
        }
    }

    /// <summary>Embeds turns stored without this embedder's vector and saves the vectors, so other processes find them.</summary>
    private async Task EmbedAndSaveAsync(VectorIndex index, List<(long Sequence, string Content)> turns, CancellationToken cancellationToken)
    {
        var vectors = await _embedder.EmbedManyAsync(turns.Select(t => t.Content).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < turns.Count; i++) index.Upsert(turns[i].Sequence, vectors[i]);
        await _database.RunAsync($"saving embeddings of session '{SessionId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                $"UPDATE {_turns} t SET embedding = v.embedding, embedder = $4 FROM unnest($2::bigint[], $3::bytea[]) AS v(sequence, embedding) " +
                "WHERE t.session_id = $1 AND t.sequence = v.sequence", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = SessionId });
            command.Parameters.Add(new NpgsqlParameter { Value = turns.Select(t => t.Sequence).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => HalfVectors.Encode(v)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter { Value = _embedder.ModelId });
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
