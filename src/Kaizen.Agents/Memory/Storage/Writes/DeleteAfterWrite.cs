using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>
/// Deletes every turn after a sequence (rewinding to a checkpoint's memory cursor); returns how many were deleted.
/// The next turn is numbered right after that sequence: the numbers after it are given again.
/// </summary>
internal sealed class DeleteAfterWrite(SessionState session, long sequence) : WriteOp<int>(groupable: false)
{
    private bool _rewound;

    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session);
        if (cursor.Number < 0 || sequence >= cursor.LastSequence) return;
        Result = batch.Turns.DeleteMany(Query.Between("_id", TurnKey.Compose(cursor.Number, sequence + 1), TurnKey.Last(cursor.Number)));
        batch.CountTurns(session, cursor.Number, -Result);
        cursor.LastSequence = sequence;
        SessionRecord.SaveLastSequence(batch.Database, session.SessionId, sequence);
        _rewound = true;
        var dropped = cursor.Promoted.Keys.Where(promoted => promoted > sequence).ToList();
        foreach (var promoted in dropped) cursor.Promoted.Remove(promoted);
        if (dropped.Count > 0) SessionRecord.SavePromoted(batch.Database, session.SessionId, cursor.Promoted);
    }

    protected override void OnCommitted()
    {
        if (_rewound) session.TruncatedAfter(sequence);
    }
}
