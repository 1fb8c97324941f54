using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory.Storage.Writes;

/// <summary>
/// Moves cold turns back into the warm set: each stays warm until <c>WarmTierSize</c> newer turns arrive.
/// At most <c>WarmTierSize</c> turns are promoted at once; the oldest promotions give way. Returns the promoted sequences.
/// </summary>
internal sealed class PromoteWrite(SessionState session, IReadOnlyList<long> sequences, TierMoveReason reason)
    : WriteOp<IReadOnlyList<long>>(groupable: true)
{
    private readonly List<long> _displaced = new();
    private long _touch;

    public override void Apply(WriteBatch batch)
    {
        var cursor = batch.Cursor(session);
        var promoted = new List<long>();
        Result = promoted;
        if (cursor.Number < 0) return;
        _touch = cursor.LastSequence;
        foreach (var sequence in sequences)
        {
            var isCold = sequence <= cursor.LastSequence - session.WarmSize && !cursor.Promoted.ContainsKey(sequence);
            if (!isCold || batch.Turns.FindById(TurnKey.Compose(cursor.Number, sequence)) is null) continue;
            cursor.Promoted[sequence] = _touch;
            promoted.Add(sequence);
        }

        foreach (var (sequence, _) in cursor.Promoted.OrderBy(p => p.Value).ThenBy(p => p.Key).Take(Math.Max(0, cursor.Promoted.Count - session.WarmSize)).ToList())
        {
            cursor.Promoted.Remove(sequence);
            _displaced.Add(sequence);
            promoted.Remove(sequence);
        }

        if (promoted.Count > 0 || _displaced.Count > 0) SessionRecord.SavePromoted(batch.Database, session.SessionId, cursor.Promoted);
    }

    protected override void OnCommitted() => session.Promoted(Result.ToList(), _touch, reason, _displaced);
}
