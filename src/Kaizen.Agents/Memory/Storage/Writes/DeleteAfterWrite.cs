using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>Deletes every turn after a sequence (rewinding to a checkpoint's memory cursor); returns how many were deleted.</summary>
internal sealed class DeleteAfterWrite(SessionState session, long sequence) : WriteOp<int>(groupable: false)
{
    private long _newLast = -1;

    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session);
        if (cursor.Number < 0 || sequence >= cursor.LastSequence) return;
        Result = batch.Turns.DeleteMany(Query.Between("_id", TurnKey.Compose(cursor.Number, sequence + 1), TurnKey.Last(cursor.Number)));
        batch.CountTurns(session, cursor.Number, -Result);
        var newest = batch.Turns.Query()
            .Where(Query.Between("_id", TurnKey.First(cursor.Number), TurnKey.Compose(cursor.Number, Math.Max(0, sequence))))
            .OrderByDescending("_id").Select("_id").Limit(1).FirstOrDefault();
        _newLast = newest is null ? -1 : TurnKey.Sequence(newest["_id"].AsInt64);
        cursor.LastSequence = _newLast;
        var dropped = cursor.Promoted.Keys.Where(promoted => promoted > sequence).ToList();
        foreach (var promoted in dropped) cursor.Promoted.Remove(promoted);
        if (dropped.Count > 0) SessionRecord.SavePromoted(batch.Database, session.SessionId, cursor.Promoted);
    }

    protected override void OnCommitted()
    {
        if (Result > 0) session.TruncatedAfter(sequence, _newLast);
    }
}
