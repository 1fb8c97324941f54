using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Storage;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>Reads turns from <c>memory_turns</c> rows; a row that cannot be read is reported as damaged, naming it.</summary>
internal static class TurnRows
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns = "session_id, sequence, id, role, content, utc_ticks, offset_minutes, metadata";

    public static readonly IReadOnlyDictionary<string, object?> NoMetadata = new Dictionary<string, object?>();

    public static MemoryTurn Read(NpgsqlDataReader reader, string location)
    {
        var session = reader.GetString(0);
        var sequence = reader.GetInt64(1);
        try
        {
            var offset = TimeSpan.FromMinutes(reader.GetInt16(6));
            var timestamp = new DateTimeOffset(reader.GetInt64(5) + offset.Ticks, offset);
            var metadata = reader.IsDBNull(7) ? NoMetadata : DecodeMetadata(reader.GetFieldValue<byte[]>(7));
            return new MemoryTurn(reader.GetGuid(2).ToString("N"), session, sequence, reader.GetString(3), reader.GetString(4), timestamp, metadata);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not NpgsqlException)
        {
            throw new MemoryStoreDamagedException(location,
                $"Turn {sequence} of session '{session}' in the PostgreSQL store {location} is damaged: {ex.GetType().Name}: {ex.Message}. " +
                "Delete or rewrite that row (memory_turns, this session and sequence); the other turns are unaffected.",
                $"turn {sequence} of session '{session}': {ex.Message}", ex);
        }
    }

    public static byte[] EncodeMetadata(IReadOnlyDictionary<string, object?> metadata) => LiteDB.BsonSerializer.Serialize(MetadataBson.ToBson(metadata));

    public static IReadOnlyDictionary<string, object?> DecodeMetadata(byte[] bytes) => MetadataBson.FromBson(LiteDB.BsonSerializer.Deserialize(bytes));
}
