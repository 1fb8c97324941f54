using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>
/// Appends a turn with the session's next sequence number. The caller builds the document (embedding, vector bytes,
/// metadata) before queueing, so the single writer only stamps the key and inserts it.
/// </summary>
internal sealed class StoreTurnWrite(
    SessionState session,
    string role,
    string content,
    DateTimeOffset timestamp,
    BsonDocument? metadata,
    IReadOnlyDictionary<string, object?> metadataAsRead,
    float[] vector,
    string embeddingModel,
    int embeddingDimensions,
    bool groupable) : WriteOp<MemoryTurn>(groupable)
{
    private readonly BsonDocument _document =
        TurnDocument.Create(TurnDocument.UnassignedKey, session.SessionId, TurnDocument.UnassignedKey, role, content, timestamp, metadata, vector, embeddingModel);

    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session, createWith: (embeddingModel, embeddingDimensions));
        var sequence = ++cursor.LastSequence;
        if (sequence > TurnKey.MaxSequence) throw new InvalidOperationException($"Session '{session.SessionId}' is full ({TurnKey.MaxSequence} turns).");
        var key = TurnKey.Compose(cursor.Number, sequence);
        TurnDocument.AssignKey(_document, key, sequence); // again on a retry alone: the document is only ever inserted once
        batch.Turns.Insert(_document);
        batch.CountTurns(session, cursor.Number, 1);
        Result = new MemoryTurn(TurnKey.Format(key), session.SessionId, sequence, role, content, timestamp, metadataAsRead);
    }

    protected override void OnCommitted()
    {
        session.AdoptEmbedderIfUnknown(embeddingModel, embeddingDimensions);
        session.Stored(Result, vector);
    }
}
