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
        MemoryArguments.CheckSearch(query, k);
        if (k == 0) return [];
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var queryVector = await _embedder.EmbedAsync(query, cancellationToken).ConfigureAwait(false);

        while (true)
        {
            var hits = await SearchIndexAsync(queryVector, k, cancellationToken).ConfigureAwait(false);
            if (hits.Count == 0) return [];
            var turns = await ReadTurnsAsync("reading cold search results", "WHERE session_id = $1 AND sequence = ANY($2)",
                [hits.Select(h => h.Sequence).ToArray()], cancellationToken).ConfigureAwait(false);
            var bySequence = turns.ToDictionary(t => t.Sequence);
            var deleted = hits.Where(h => !bySequence.ContainsKey(h.Sequence)).Select(h => h.Sequence).ToList();
            // A turn deleted (by any process) since the index loaded it: forget it and search again, so k turns still come back.
            if (deleted.Count > 0)
            {
                await ForgetInIndexAsync(deleted, cancellationToken).ConfigureAwait(false);
                continue;
            }
            return hits.Select(h => new ScoredMemoryTurn(bySequence[h.Sequence], h.Score)).ToList();
        }
    }

    private async Task<List<(long Sequence, float Score)>> SearchIndexAsync(float[] queryVector, int k, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = await CatchUpAsync(queryVector.Length, cancellationToken).ConfigureAwait(false);
            var warmFrom = _lastSequence - Options.WarmTierSize;
            Func<long, bool>? include = Options.ColdSearchScope == ColdSearchScope.ColdOnly ? sequence => sequence <= warmFrom : null;
            return index.Search(queryVector, k, include);
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private async Task ForgetInIndexAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var sequence in sequences) _index?.Remove(sequence);
        }
        finally
        {
            _indexGate.Release();
        }
    }

    /// <summary>
    /// Brings the index up to date with the database in one round trip (the session's generation and the vectors stored
    /// since the last search); rebuilt from scratch when the session was deleted meanwhile.
    /// </summary>
    private async Task<VectorIndex> CatchUpAsync(int dimensions, CancellationToken cancellationToken)
    {
        var stale = new List<(long Sequence, string Content)>();
        while (true)
        {
            var current = await _database.RunAsync($"loading the cold tier of session '{SessionId}'",
                (connection, token) => ReadNewVectorsAsync(connection, dimensions, stale, token), cancellationToken).ConfigureAwait(false);
            if (current) break;
            stale.Clear(); // the session was deleted since the index was built: read it again from the start
        }
        if (stale.Count > 0) await EmbedAndSaveAsync(_index!, stale, cancellationToken).ConfigureAwait(false);
        return _index!;
    }

    /// <summary>Adds the vectors stored after <see cref="_lastSequence"/>; false when the generation changed and the index was reset.</summary>
    private async Task<bool> ReadNewVectorsAsync(NpgsqlConnection connection, int dimensions, List<(long Sequence, string Content)> stale, CancellationToken token)
    {
        if (_index is null || _index.Dimensions != dimensions) Reset(dimensions, _indexGeneration);
        await using var batch = new NpgsqlBatch(connection);
        var generation = new NpgsqlBatchCommand($"SELECT generation FROM {_sessions} WHERE session_id = $1");
        generation.WithValues(SessionId);
        var vectors = new NpgsqlBatchCommand(
            $"SELECT sequence, embedding, CASE WHEN embedding IS NULL OR embedder IS DISTINCT FROM $3 THEN content END " +
            $"FROM {_turns} WHERE session_id = $1 AND sequence > $2 ORDER BY sequence");
        vectors.WithValues(SessionId, _lastSequence, _embedder.ModelId);
        batch.BatchCommands.Add(generation);
        batch.BatchCommands.Add(vectors);
        await using var reader = await batch.ExecuteReaderAsync(token).ConfigureAwait(false);
        var stored = await reader.ReadAsync(token).ConfigureAwait(false) ? reader.GetInt64(0) : -1;
        if (stored != _indexGeneration)
        {
            var wasBuilt = _lastSequence >= 0;
            Reset(dimensions, stored);
            if (wasBuilt) return false;
        }
        await reader.NextResultAsync(token).ConfigureAwait(false);
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
            if (vector.Length == dimensions) _index!.Upsert(sequence, vector);
        }
        return true;
    }

    private void Reset(int dimensions, long generation)
    {
        _index = new VectorIndex(dimensions, _embedder.ModelId);
        _indexGeneration = generation;
        _lastSequence = -1;
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
            command.WithValues(SessionId, turns.Select(t => t.Sequence).ToArray());
            command.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => HalfVectors.Encode(v)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            command.WithValues(_embedder.ModelId);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
