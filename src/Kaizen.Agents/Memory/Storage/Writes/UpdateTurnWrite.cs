using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>Replaces a turn's content (and vector) and/or metadata; the result is null when the session has no such turn.</summary>
internal sealed class UpdateTurnWrite(
    SessionState session,
    long key,
    string? content,
    float[]? vector,
    string embeddingModel,
    BsonDocument? metadata) : WriteOp<MemoryTurn?>(groupable: false)
{
    public override void Apply(WriteBatch batch)
    {
        var document = batch.Turns.FindById(key);
        if (document is null || document[TurnDocument.Session].AsString != session.SessionId) return;
        if (content is not null)
        {
            document[TurnDocument.Content] = content;
            document[TurnDocument.Vector] = TurnDocument.VectorBytes(vector!);
            document[TurnDocument.EmbeddingModel] = embeddingModel;
        }

        if (metadata is not null)
        {
            if (metadata.Count == 0) document.Remove(TurnDocument.Metadata);
            else document[TurnDocument.Metadata] = metadata;
        }

        batch.Turns.Update(document);
        Result = TurnDocument.ToTurn(document);
    }

    protected override void OnCommitted()
    {
        if (Result is not null) session.Updated(Result, vector);
    }
}
