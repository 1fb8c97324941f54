using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>
/// Saves vectors computed after the turns were written (a deferred embedder, or a re-embed), so the next process does
/// not compute them again. A turn whose content changed meanwhile keeps its state (its new content is pending anyway).
/// </summary>
internal sealed class StoreVectorsWrite(SessionState session, IReadOnlyList<(long Sequence, string Content, float[] Vector)> vectors, string embeddingModel)
    : WriteOp<int>(groupable: true)
{
    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session);
        if (cursor.Number < 0) return;
        var saved = 0;
        foreach (var (sequence, content, vector) in vectors)
        {
            var document = batch.Turns.FindById(TurnKey.Compose(cursor.Number, sequence));
            if (document is null || document[TurnDocument.Content].AsString != content) continue;
            document[TurnDocument.Vector] = TurnDocument.VectorBytes(vector);
            document[TurnDocument.EmbeddingModel] = embeddingModel;
            batch.Turns.Update(document);
            saved++;
        }

        Result = saved;
    }

    protected override void OnCommitted()
    {
    }
}
