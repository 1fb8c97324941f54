using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// A session's row in the file: its number, newest sequence, promoted turns and the embedder its vectors come from
/// (<see cref="EmbedderId"/>, <see cref="EmbedderDimensions"/>; <see cref="ReembedTarget"/> while a re-embed is unfinished).
/// </summary>
internal sealed record SessionRecord(int Number, long LastSequence, Dictionary<long, long> Promoted,
    string? EmbedderId = null, int EmbedderDimensions = 0, string? ReembedTarget = null)
{
    public const string Collection = "sessions";
    private const string MetaCollection = "meta";
    private const string NumberField = "n";
    private const string PromotedField = "p";
    public const string EmbedderField = "ee";
    public const string DimensionsField = "ed";
    public const string ReembedTargetField = "er";
    public const string ReembedProgressField = "ek";

    /// <summary>How many turns the session holds, kept by every write (absent in rows written before it existed).</summary>
    public const string CountField = "k";

    /// <summary>
    /// The session's newest sequence number, for when no stored turn holds it (the newest turn was forgotten, or a rewind
    /// went back to a forgotten turn), so the next turn is not given a number already used. Absent in older rows.
    /// </summary>
    private const string LastSequenceField = "ls";

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
            .Select($"{{ _id, {TurnDocument.EmbeddingModel}, {TurnDocument.Vector} }}")
            .Limit(1)
            .FirstOrDefault();
        var last = newest is null ? -1 : TurnKey.Sequence(newest["_id"].AsInt64);
        if (document.TryGetValue(LastSequenceField, out var mark) && mark.IsNumber) last = Math.Max(last, mark.AsInt64);
        var promoted = new Dictionary<long, long>();
        if (document.TryGetValue(PromotedField, out var list) && list.IsArray)
        {
            foreach (var item in list.AsArray) promoted[item["q"].AsInt64] = item["w"].AsInt64;
        }

        var (embedder, dimensions) = document.TryGetValue(EmbedderField, out var stored) && stored.IsString
            ? (stored.AsString, document[DimensionsField].AsInt32)
            : LegacyEmbedder(newest);
        var target = document.TryGetValue(ReembedTargetField, out var t) && t.IsString ? t.AsString : null;
        return new SessionRecord(number, last, promoted, embedder, dimensions, target);
    }

    /// <summary>
    /// Files written before sessions recorded their embedder: every turn carries its model id, so the newest turn's
    /// says which embedder the session used (the built-in hashing one, <c>kaizen-hashing-256</c>, unless configured).
    /// </summary>
    private static (string? Id, int Dimensions) LegacyEmbedder(BsonDocument? newest)
    {
        if (newest is null || !newest.TryGetValue(TurnDocument.EmbeddingModel, out var model) || !model.IsString) return (null, 0);
        return (model.AsString, TurnDocument.ReadVector(newest)?.Length ?? 0);
    }

    /// <summary>Records the embedder a session's vectors come from (at creation, and when a re-embed finishes).</summary>
    public static void SetEmbedder(BsonDocument sessionDocument, string embedderId, int dimensions)
    {
        sessionDocument[EmbedderField] = embedderId;
        sessionDocument[DimensionsField] = dimensions;
        sessionDocument.Remove(ReembedTargetField);
        sessionDocument.Remove(ReembedProgressField);
    }

    /// <summary>Creates the session's row with the next free number, recording the embedder of its vectors.</summary>
    public static int Create(LiteDatabase database, string sessionId, string embedderId, int dimensions)
    {
        var meta = database.GetCollection(MetaCollection);
        var counter = meta.FindById("sessions") ?? new BsonDocument { ["_id"] = "sessions", ["next"] = 0 };
        var number = counter["next"].AsInt32;
        counter["next"] = number + 1;
        meta.Upsert(counter);
        var row = new BsonDocument { ["_id"] = sessionId, [NumberField] = number, [CountField] = 0L };
        SetEmbedder(row, embedderId, dimensions);
        database.GetCollection(Collection).Insert(row);
        return number;
    }

    public static void SavePromoted(LiteDatabase database, string sessionId, Dictionary<long, long> promoted) =>
        SaveField(database, sessionId, PromotedField, new BsonArray(promoted.Select(p => (BsonValue)new BsonDocument { ["q"] = p.Key, ["w"] = p.Value })));

    /// <summary>Records the session's newest sequence number, which the next turn comes after even when no turn holds it.</summary>
    public static void SaveLastSequence(LiteDatabase database, string sessionId, long sequence) =>
        SaveField(database, sessionId, LastSequenceField, sequence);

    // Sets one field of the session's row; a session without a row (never written) has nothing to record.
    private static void SaveField(LiteDatabase database, string sessionId, string field, BsonValue value)
    {
        var sessions = database.GetCollection(Collection);
        var document = sessions.FindById(sessionId);
        if (document is null) return;
        document[field] = value;
        sessions.Update(document);
    }

    public static void Delete(LiteDatabase database, string sessionId) => database.GetCollection(Collection).Delete(sessionId);
}
