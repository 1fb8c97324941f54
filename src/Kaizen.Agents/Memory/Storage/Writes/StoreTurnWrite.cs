using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>Appends a turn with the session's next sequence number.</summary>
internal sealed class StoreTurnWrite(
    SessionState session,
    string role,
    string content,
    DateTimeOffset timestamp,
    BsonDocument? metadata,
    IReadOnlyDictionary<string, object?> metadataAsRead,
    float[] vector,
    string embeddingModel,
    bool groupable) : WriteOp<MemoryTurn>(groupable)
{
    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session, create: true);
        var sequence = ++cursor.LastSequence;
        if (sequence > TurnKey.MaxSequence) throw new InvalidOperationException($"Session '{session.SessionId}' is full ({TurnKey.MaxSequence} turns).");
        var key = TurnKey.Compose(cursor.Number, sequence);
        batch.Turns.Insert(TurnDocument.Create(key, session.SessionId, sequence, role, content, timestamp, metadata, vector, embeddingModel));
        Result = new MemoryTurn(TurnKey.Format(key), session.SessionId, sequence, role, content, timestamp, metadataAsRead);
    }

    protected override void OnCommitted() => session.Stored(Result, vector);
}
