using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>Deletes every turn of the session and its row; returns how many turns were deleted.</summary>
internal sealed class DeleteSessionWrite(SessionState session) : WriteOp<int>(groupable: false)
{
    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session);
        if (cursor.Number < 0) return;
        Result = batch.Turns.DeleteMany(Query.Between("_id", TurnKey.First(cursor.Number), TurnKey.Last(cursor.Number)));
        SessionRecord.Delete(batch.Database, session.SessionId);
        cursor.Number = -1;
        cursor.LastSequence = -1;
        cursor.Promoted.Clear();
    }

    protected override void OnCommitted() => session.Cleared();
}
