using Kaizen.Agents.Memory.Tiers;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>One LiteDB transaction of the writer: the collections and each touched session's cursor.</summary>
internal sealed class WriteBatch(LiteDatabase database, bool exclusive)
{
    private readonly Dictionary<SessionState, (SessionRecord Before, SessionCursor Cursor)> _sessions = new();
    private readonly Dictionary<string, (int Number, long Delta)> _counted = new(StringComparer.Ordinal);

    /// <summary>Records that this transaction added (or removed, when negative) turns of a session.</summary>
    public void CountTurns(SessionState session, int number, long delta)
    {
        var current = _counted.TryGetValue(session.SessionId, out var entry) ? entry.Delta : 0;
        _counted[session.SessionId] = (number, current + delta);
    }

    /// <summary>
    /// Stores each touched session's turn count in its row, in the same transaction, so a read can tell a damaged index
    /// (turns missing from it) from a session that simply has fewer turns.
    /// </summary>
    public void SaveCounts()
    {
        foreach (var (sessionId, (number, delta)) in _counted)
        {
            if (delta == 0) continue;
            var sessions = Database.GetCollection(SessionRecord.Collection);
            var row = sessions.FindById(sessionId);
            if (row is null) continue;
            row[SessionRecord.CountField] = row.TryGetValue(SessionRecord.CountField, out var count) && count.IsNumber
                ? count.AsInt64 + delta
                : Turns.LongCount(Query.Between("_id", TurnKey.First(number), TurnKey.Last(number))); // a row written before counts existed
            sessions.Update(row);
        }
    }

    public LiteDatabase Database { get; } = database;

    public ILiteCollection<BsonDocument> Turns { get; } = database.GetCollection(TurnDocument.Collection);

    /// <summary>
    /// The session as this transaction sees it; with <paramref name="createWith"/> (the embedder's id and dimensions),
    /// a missing session gets a number and records that embedder.
    /// </summary>
    public SessionCursor Cursor(SessionState session, (string Id, int Dimensions)? createWith = null)
    {
        if (!_sessions.TryGetValue(session, out var entry))
        {
            var before = exclusive && session.Loaded ? session.Snapshot() : SessionRecord.Load(Database, session.SessionId);
            entry = (before, new SessionCursor(before));
            _sessions[session] = entry;
        }

        if (createWith is { } embedder && entry.Cursor.Number < 0)
            entry.Cursor.Number = SessionRecord.Create(Database, session.SessionId, embedder.Id, embedder.Dimensions);
        return entry.Cursor;
    }

    /// <summary>After commit, in shared mode, brings each session's in-memory state up to what the file held before this batch.</summary>
    public void SyncSessionsBeforeCallbacks()
    {
        foreach (var (session, (before, cursor)) in _sessions)
        {
            if (exclusive && session.Loaded && before.Number >= 0) continue;
            session.Sync(before with { Number = cursor.Number });
        }
    }
}

/// <summary>A session's number, newest sequence and promotions inside one write transaction.</summary>
internal sealed class SessionCursor(SessionRecord before)
{
    public int Number { get; set; } = before.Number;
    public long LastSequence { get; set; } = before.LastSequence;
    public Dictionary<long, long> Promoted { get; } = new(before.Promoted);
}
