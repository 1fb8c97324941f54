using Kaizen.Agents.Memory.Embeddings;
using Kaizen.Agents.Memory.Storage;
using LiteDB;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Memory.Reembedding;

/// <summary>
/// Re-embeds every session of a memory file with another embedder, so a store written with one embedder can be
/// opened with another. Runs in batches, each committed with the session's progress (the key of its last converted
/// turn), so a run that crashes or is cancelled resumes where it stopped. While a session is half converted it
/// records the target embedder, and backends refuse to open it until a run finishes it.
/// </summary>
/// <remarks>Needs the file to itself: close every backend on it first (it takes the same lock file they do).</remarks>
public static class MemoryReembedder
{
    /// <summary>Converts every session of <paramref name="databasePath"/> that does not already use <paramref name="embedder"/>.</summary>
    /// <param name="databasePath">The memory file (or a LiteDB connection string).</param>
    /// <param name="embedder">The embedder the store should use from now on.</param>
    /// <param name="progress">Called after each committed batch and when a session starts.</param>
    /// <param name="batchSize">Turns per embedding call and commit. Default 256.</param>
    /// <param name="cancellationToken">Stops after the current batch's commit point; run again to resume.</param>
    public static async Task<ReembedResult> ReembedAsync(
        string databasePath,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        Action<ReembedProgress>? progress = null,
        int batchSize = 256,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var location = MemoryLocation.Parse(databasePath, MemoryConcurrency.SingleProcess);
        if (location.InMemory || !File.Exists(location.FullPath))
            throw new MemoryStoreException($"There is no memory file at '{location.FullPath}' to re-embed.");

        var turnEmbedder = new TurnEmbedder(embedder, localDimensions: 256);
        var access = await SingleProcessAccess.OpenAsync(location.Connection, inMemory: false, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        await using var accessLifetime = access.ConfigureAwait(false);
        var run = new Run(access, turnEmbedder, progress, batchSize);
        var sessions = await access.RunAsync(database => database.GetCollection(SessionRecord.Collection).FindAll().ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var session in sessions) await run.ConvertAsync(session, cancellationToken).ConfigureAwait(false);
        return new ReembedResult(run.Converted, run.AlreadyCurrent, run.TurnsEmbedded);
    }

    private static readonly BsonExpression ContentOnly = BsonExpression.Create($"{{ _id, {TurnDocument.Content} }}");

    private sealed class Run(IDatabaseAccess access, TurnEmbedder embedder, Action<ReembedProgress>? progress, int batchSize)
    {
        public int Converted { get; private set; }
        public int AlreadyCurrent { get; private set; }
        public long TurnsEmbedded { get; private set; }
        private int _batches;

        public async Task ConvertAsync(BsonDocument session, CancellationToken cancellationToken)
        {
            var id = session["_id"].AsString;
            var number = session["n"].AsInt32;
            var target = embedder.ModelId;
            var stored = session.TryGetValue(SessionRecord.EmbedderField, out var e) && e.IsString ? e.AsString : null;
            var resuming = session.TryGetValue(SessionRecord.ReembedTargetField, out var r) && r.IsString && r.AsString == target;
            if (stored == target && !session.ContainsKey(SessionRecord.ReembedTargetField))
            {
                AlreadyCurrent++;
                return;
            }

            var lastKey = resuming && session.TryGetValue(SessionRecord.ReembedProgressField, out var k) ? k.AsInt64 : TurnKey.First(number) - 1;
            var (done, total) = await access.RunAsync(database =>
            {
                var turns = database.GetCollection(TurnDocument.Collection);
                var row = database.GetCollection(SessionRecord.Collection).FindById(id);
                row[SessionRecord.ReembedTargetField] = target;
                row[SessionRecord.ReembedProgressField] = lastKey;
                database.GetCollection(SessionRecord.Collection).Update(row);
                var converted = lastKey < TurnKey.First(number) ? 0 : turns.LongCount(Query.Between("_id", TurnKey.First(number), lastKey));
                return (converted,
                        turns.LongCount(Query.Between("_id", TurnKey.First(number), TurnKey.Last(number))));
            }, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(new ReembedProgress(id, done, total, _batches));

            var dimensions = embedder.Dimensions;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = lastKey + 1;
                var batch = await access.RunAsync(database => ReadBatch(database, from, number, batchSize), cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0) break;

                var texts = batch.Where(t => t.Content.Length > 0).Select(t => t.Content).ToList();
                var vectors = await embedder.EmbedManyAsync(texts, cancellationToken).ConfigureAwait(false);
                if (dimensions == 0 && vectors.Length > 0) dimensions = vectors[0].Length;
                cancellationToken.ThrowIfCancellationRequested();
                lastKey = batch[^1].Key;
                await access.RunAsync(database => Save(database, id, batch, vectors, target, lastKey), cancellationToken).ConfigureAwait(false);
                TurnsEmbedded += texts.Count;
                done += batch.Count;
                _batches++;
                progress?.Invoke(new ReembedProgress(id, done, total, _batches));
            }

            await access.RunAsync(database =>
            {
                var rows = database.GetCollection(SessionRecord.Collection);
                var row = rows.FindById(id);
                SessionRecord.SetEmbedder(row, target, dimensions);
                return rows.Update(row);
            }, cancellationToken).ConfigureAwait(false);
            Converted++;
        }

        private static List<(long Key, string Content)> ReadBatch(LiteDatabase database, long from, int number, int count)
        {
            var batch = new List<(long Key, string Content)>(count);
            var documents = database.GetCollection(TurnDocument.Collection).Query()
                .Where(Query.Between("_id", from, TurnKey.Last(number)))
                .Select(ContentOnly)
                .Limit(count)
                .ToEnumerable();
            foreach (var document in documents) batch.Add((document["_id"].AsInt64, document[TurnDocument.Content].AsString));
            return batch;
        }

        /// <summary>One transaction: the batch's vectors and the session's progress mark, so a crash loses neither alone.</summary>
        private static bool Save(LiteDatabase database, string sessionId, List<(long Key, string Content)> batch, float[][] vectors, string target, long lastKey)
        {
            database.BeginTrans();
            try
            {
                var turns = database.GetCollection(TurnDocument.Collection);
                var next = 0;
                foreach (var (key, content) in batch)
                {
                    var vector = content.Length > 0 ? vectors[next++] : [];
                    var document = turns.FindById(key);
                    if (document is null) continue;
                    document[TurnDocument.Vector] = TurnDocument.VectorBytes(vector);
                    document[TurnDocument.EmbeddingModel] = target;
                    turns.Update(document);
                }

                var rows = database.GetCollection(SessionRecord.Collection);
                var row = rows.FindById(sessionId);
                row[SessionRecord.ReembedProgressField] = lastKey;
                rows.Update(row);
                return database.Commit();
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }
}
