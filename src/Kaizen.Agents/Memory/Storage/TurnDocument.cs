using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>The BSON layout of a stored turn (short field names keep 100k-turn files small).</summary>
internal static class TurnDocument
{
    public const string Collection = "turns";
    public const string Session = "s";
    public const string Sequence = "q";
    public const string Role = "r";
    public const string Content = "c";
    public const string UtcTicks = "t";
    public const string OffsetMinutes = "o";
    public const string Metadata = "m";
    public const string Vector = "v";
    public const string EmbeddingModel = "e";

    /// <summary>Key and sequence of a document built before the writer numbers it.</summary>
    public const long UnassignedKey = -1;

    private static readonly IReadOnlyDictionary<string, object?> NoMetadata = new Dictionary<string, object?>();

    public static BsonDocument Create(long key, string sessionId, long sequence, string role, string content,
        DateTimeOffset timestamp, BsonDocument? metadata, float[] vector, string embeddingModel)
    {
        var document = new BsonDocument
        {
            ["_id"] = key,
            [Session] = sessionId,
            [Sequence] = sequence,
            [Role] = role,
            [Content] = content,
            [UtcTicks] = timestamp.UtcTicks,
            [OffsetMinutes] = (int)timestamp.Offset.TotalMinutes,
            [Vector] = VectorBytes(vector),
            [EmbeddingModel] = embeddingModel,
        };
        if (metadata is { Count: > 0 }) document[Metadata] = metadata;
        return document;
    }

    /// <summary>Stamps the key and sequence in place (the fields keep their position, so the stored bytes match <see cref="Create"/>).</summary>
    public static void AssignKey(BsonDocument document, long key, long sequence)
    {
        document["_id"] = key;
        document[Sequence] = sequence;
    }

    public static MemoryTurn ToTurn(BsonDocument document)
    {
        var key = document["_id"].AsInt64;
        var offset = TimeSpan.FromMinutes(document[OffsetMinutes].AsInt32);
        var timestamp = new DateTimeOffset(document[UtcTicks].AsInt64 + offset.Ticks, offset);
        var metadata = document.TryGetValue(Metadata, out var m) && m.IsDocument ? MetadataBson.FromBson(m.AsDocument) : NoMetadata;
        return new MemoryTurn(
            TurnKey.Format(key),
            document[Session].AsString,
            document[Sequence].AsInt64,
            document[Role].AsString,
            document[Content].AsString,
            timestamp,
            metadata);
    }

    public static byte[] VectorBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static float[]? ReadVector(BsonDocument document)
    {
        if (!document.TryGetValue(Vector, out var value) || !value.IsBinary) return null;
        var bytes = value.AsBinary;
        var vector = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, vector, 0, vector.Length * sizeof(float));
        return vector;
    }
}
