using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>Deletes one turn of the session; false when the session has no such turn.</summary>
internal sealed class DeleteTurnWrite(SessionState session, long key) : WriteOp<bool>(groupable: false)
{
    public override void Apply(WriteBatch batch)
    {
        var document = batch.Turns.FindById(key);
        if (document is null || document[TurnDocument.Session].AsString != session.SessionId) return;
        var cursor = batch.Cursor(session);
        if (cursor.Promoted.Remove(TurnKey.Sequence(key))) SessionRecord.SavePromoted(batch.Database, session.SessionId, cursor.Promoted);
        Result = batch.Turns.Delete(key);
        if (!Result) return;
        batch.CountTurns(session, cursor.Number, -1);
        // Like every forgotten turn's, the newest one's number stays used: the next turn is numbered after it, also after a restart.
        if (TurnKey.Sequence(key) == cursor.LastSequence) SessionRecord.SaveLastSequence(batch.Database, session.SessionId, cursor.LastSequence);
    }

    protected override void OnCommitted()
    {
        if (Result) session.Deleted(TurnKey.Sequence(key));
    }
}
