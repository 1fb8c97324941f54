using Kaizen.Agents.Memory.Retrieval;
using Kaizen.Agents.Memory.Storage;
using Kaizen.Agents.Memory.Storage.Writes;
using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory;

public sealed partial class LiteDbMemoryBackend
{
    /// <inheritdoc />
    /// <remarks>
    /// Scores are cosine similarities between the query's and the turns' embeddings. The session's vectors are loaded
    /// into memory on the first search (then kept current by every write of this process). Which turns are considered
    /// is <see cref="MemoryOptions.ColdSearchScope"/>; returned turns that were cold are promoted into the warm set when
    /// <see cref="MemoryOptions.PromoteOnRetrieval"/> is on. Turns with empty content never match.
    /// </remarks>
    public async Task<IReadOnlyList<ScoredMemoryTurn>> SearchColdAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        MemoryArguments.CheckSearch(query, k);
        if (k == 0) return [];
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var queryVector = await _embedder.EmbedAsync(query, cancellationToken).ConfigureAwait(false);
        var index = await EnsureIndexAsync(cancellationToken).ConfigureAwait(false);
        if (queryVector.Length != index.Dimensions)
            throw new InvalidOperationException($"The embedder returned {queryVector.Length} dimensions for the query but {index.Dimensions} for the turns.");

        var session = Session;
        var last = session.LastSequence;
        var promoted = new HashSet<long>(session.PromotedOutside(session.WarmSize));
        bool IsWarm(long sequence) => sequence > last - session.WarmSize || promoted.Contains(sequence);
        Func<long, bool>? include = Options.ColdSearchScope == ColdSearchScope.ColdOnly ? sequence => !IsWarm(sequence) : null;
        var hits = index.Search(queryVector, k, include);
        if (hits.Count == 0) return [];

        var number = session.Number;
        var turns = await Opened.Access.RunAsync(database => hits
            .Select(hit => Turns(database).FindById(TurnKey.Compose(number, hit.Sequence)))
            .ToList(), cancellationToken).ConfigureAwait(false);
        var results = new List<ScoredMemoryTurn>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            if (turns[i] is { } document) results.Add(new ScoredMemoryTurn(TurnDocument.ToTurn(document), hits[i].Score));
        }

        if (Options.PromoteOnRetrieval)
        {
            var cold = results.Where(result => !IsWarm(result.Turn.Sequence)).Select(result => result.Turn.Sequence).ToList();
            if (cold.Count > 0) await PromoteSequencesAsync(cold, TierMoveReason.Retrieved, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>
    /// Reinforces turns: cold ones move into the warm set and stay there until <see cref="MemoryOptions.WarmTierSize"/>
    /// newer turns arrive. Returns the ids that moved (unknown ids and already-warm turns are ignored).
    /// </summary>
    public async Task<IReadOnlyList<string>> PromoteAsync(IEnumerable<string> turnIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnIds);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var sequences = new List<long>();
        foreach (var id in turnIds)
        {
            if (TurnKey.TryParse(id, out var key) && TurnKey.SessionNumber(key) == Session.Number) sequences.Add(TurnKey.Sequence(key));
        }

        if (sequences.Count == 0) return [];
        var moved = await PromoteSequencesAsync(sequences, TierMoveReason.Reinforced, cancellationToken).ConfigureAwait(false);
        return moved.Select(sequence => TurnKey.Format(TurnKey.Compose(Session.Number, sequence))).ToList();
    }

    private Task<IReadOnlyList<long>> PromoteSequencesAsync(IReadOnlyList<long> sequences, TierMoveReason reason, CancellationToken cancellationToken) =>
        Opened.Writer.EnqueueAsync(new PromoteWrite(Session, sequences, reason), cancellationToken);

    private async Task<VectorIndex> EnsureIndexAsync(CancellationToken cancellationToken)
    {
        var session = Session;
        if (Exclusive && session.Index is { IsComplete: true, HasPending: false } ready && ready.ModelId == _embedder.ModelId) return ready;
        await session.IndexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var index = session.Index;
            if (index is null || index.ModelId != _embedder.ModelId || !index.IsComplete)
            {
                index = null;
                session.Index = null;
            }

            var building = index ?? new VectorIndex(await ProbeDimensionsAsync(cancellationToken).ConfigureAwait(false), _embedder.ModelId);
            if (index is null && Exclusive) session.Index = building; // from now on, every commit also lands in the index
            var from = index is null ? 0 : building.LoadedThrough + 1; // read before commits can move it
            await LoadVectorsAsync(building, from, cancellationToken).ConfigureAwait(false);
            await EmbedPendingAsync(building, cancellationToken).ConfigureAwait(false);
            building.IsComplete = true;
            session.Index = building;
            return building;
        }
        finally
        {
            session.IndexGate.Release();
        }
    }

    private async Task<int> ProbeDimensionsAsync(CancellationToken cancellationToken) =>
        _embedder.Dimensions > 0 ? _embedder.Dimensions : (await _embedder.EmbedAsync("dimension probe", cancellationToken).ConfigureAwait(false)).Length;

    /// <summary>
    /// Reads stored vectors from <paramref name="fromSequence"/> on. Turns stored without a vector (a deferred
    /// embedder) or with another model's are embedded in batches, added to the index and saved to the file.
    /// </summary>
    private async Task LoadVectorsAsync(VectorIndex index, long fromSequence, CancellationToken cancellationToken)
    {
        var stale = new List<(long Sequence, string Content)>();
        var loadedThrough = await ReadSessionAsync((database, number, last) =>
        {
            // A shared-file read has just synced the session: if another process deleted or recreated it, the index
            // was cleared, and the whole session is loaded again rather than only what came after the old index.
            var from = Math.Min(fromSequence, index.LoadedThrough + 1);
            if (number < 0 || from > last) return last;
            var documents = Turns(database).Query()
                .Where(Query.Between("_id", TurnKey.Compose(number, from), TurnKey.Last(number)))
                .Select($"{{ _id, {TurnDocument.Vector}, {TurnDocument.EmbeddingModel}, {TurnDocument.Content} }}")
                .ToEnumerable();
            foreach (var document in documents)
            {
                var sequence = TurnKey.Sequence(document["_id"].AsInt64);
                var vector = TurnDocument.ReadVector(document);
                var content = document[TurnDocument.Content].AsString;
                if (content.Length == 0) continue;
                if (vector is null || vector.Length != index.Dimensions || document[TurnDocument.EmbeddingModel].AsString != index.ModelId)
                    stale.Add((sequence, content));
                else index.Upsert(sequence, vector);
            }

            return last;
        }, cancellationToken).ConfigureAwait(false);

        await EmbedAndSaveAsync(index, stale, cancellationToken).ConfigureAwait(false);
        index.LoadedThrough = Math.Max(index.LoadedThrough, loadedThrough);
    }

    /// <summary>Embeds the turns stored or changed without a vector since the index was built.</summary>
    private async Task EmbedPendingAsync(VectorIndex index, CancellationToken cancellationToken)
    {
        var pending = index.TakePending();
        if (pending.Length == 0) return;
        try
        {
            var number = Session.Number;
            var turns = await Opened.Access.RunAsync(database => pending
                .Select(sequence => Turns(database).FindById(TurnKey.Compose(number, sequence)))
                .OfType<BsonDocument>()
                .Select(document => (TurnKey.Sequence(document["_id"].AsInt64), document[TurnDocument.Content].AsString))
                .Where(turn => turn.Item2.Length > 0)
                .ToList(), cancellationToken).ConfigureAwait(false);
            await EmbedAndSaveAsync(index, turns, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var sequence in pending) index.MarkPending(sequence); // the next search tries again
            throw;
        }
    }

    private async Task EmbedAndSaveAsync(VectorIndex index, List<(long Sequence, string Content)> turns, CancellationToken cancellationToken)
    {
        if (turns.Count == 0) return;
        var vectors = await _embedder.EmbedManyAsync(turns.Select(turn => turn.Content).ToList(), cancellationToken).ConfigureAwait(false);
        var computed = new List<(long, string, float[])>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            index.Upsert(turns[i].Sequence, vectors[i]);
            computed.Add((turns[i].Sequence, turns[i].Content, vectors[i]));
        }

        await Opened.Writer.EnqueueAsync(new StoreVectorsWrite(Session, computed, _embedder.ModelId), cancellationToken).ConfigureAwait(false);
    }
}
