using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>A session's row in the file: its number, newest sequence and promoted turns.</summary>
internal sealed record SessionRecord(int Number, long LastSequence, Dictionary<long, long> Promoted)
{
    public const string Collection = "sessions";
    private const string MetaCollection = "meta";
    private const string NumberField = "n";
    private const string PromotedField = "p";

    /// <summary>How many turns the session holds, kept by every write (absent in rows written before it existed).</summary>
    public const string CountField = "k";

    /// <summary>The stored turn count of a session, or null when unknown.</summary>
    public static long? StoredCount(LiteDatabase database, string sessionId) =>
        database.GetCollection(Collection).FindById(sessionId) is { } row && row.TryGetValue(CountField, out var count) && count.IsNumber ? count.AsInt64 : null;

    public static SessionRecord Empty => new(-1, -1, new Dictionary<long, long>());

    public static SessionRecord Load(LiteDatabase database, string sessionId)
    {
        var document = database.GetCollection(Collection).FindById(sessionId);
        if (document is null) return Empty;
        var number = document[NumberField].AsInt32;
        var newest = database.GetCollection(TurnDocument.Collection).Query()
            .Where(Query.Between("_id", TurnKey.First(number), TurnKey.Last(number)))
            .OrderByDescending("_id")
            .Select("_id")
            .Limit(1)
            .FirstOrDefault();
        var last = newest is null ? -1 : TurnKey.Sequence(newest["_id"].AsInt64);
        var promoted = new Dictionary<long, long>();
        if (document.TryGetValue(PromotedField, out var list) && list.IsArray)
        {
            foreach (var item in list.AsArray) promoted[item["q"].AsInt64] = item["w"].AsInt64;
        }

        return new SessionRecord(number, last, promoted);
    }

    /// <summary>Creates the session's row with the next free number.</summary>
    public static int Create(LiteDatabase database, string sessionId)
    {
        var meta = database.GetCollection(MetaCollection);
        var counter = meta.FindById("sessions") ?? new BsonDocument { ["_id"] = "sessions", ["next"] = 0 };
        var number = counter["next"].AsInt32;
        counter["next"] = number + 1;
        meta.Upsert(counter);
        database.GetCollection(Collection).Insert(new BsonDocument { ["_id"] = sessionId, [NumberField] = number, [CountField] = 0L });
        return number;
    }

    public static void SavePromoted(LiteDatabase database, string sessionId, Dictionary<long, long> promoted)
    {
        var sessions = database.GetCollection(Collection);
        var document = sessions.FindById(sessionId);
        if (document is null) return;
        document[PromotedField] = new BsonArray(promoted.Select(p => (BsonValue)new BsonDocument { ["q"] = p.Key, ["w"] = p.Value }));
        sessions.Update(document);
    }

    public static void Delete(LiteDatabase database, string sessionId) => database.GetCollection(Collection).Delete(sessionId);
}
