using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>Converts free-form (nested) metadata to BSON and back without losing structure.</summary>
/// <remarks>
/// Read back, objects become <c>Dictionary&lt;string, object?&gt;</c>, arrays <c>List&lt;object?&gt;</c>, numbers keep
/// their BSON type (int, long, double, decimal); <see cref="DateTimeOffset"/> comes back as a UTC <see cref="DateTime"/>.
/// Other objects are stored through their System.Text.Json form.
/// </remarks>
internal static class MetadataBson
{
    private const int MaxDepth = 64;

    public static BsonDocument ToBson(IReadOnlyDictionary<string, object?> metadata)
    {
        var document = new BsonDocument();
        foreach (var (key, value) in metadata) document[key] = ToBson(value, $"metadata['{key}']", 1);
        return document;
    }

    public static Dictionary<string, object?> FromBson(BsonDocument document)
    {
        var result = new Dictionary<string, object?>(document.Count, StringComparer.Ordinal);
        foreach (var (key, value) in document) result[key] = FromBson(value);
        return result;
    }

    private static BsonValue ToBson(object? value, string path, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"{path} is nested deeper than {MaxDepth} levels (a cycle?).", "metadata");
        return value switch
        {
            null => BsonValue.Null,
            BsonValue bson => bson,
            string s => s,
            bool b => b,
            int i => i,
            long l => l,
            short or byte or sbyte or ushort => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
            uint u => (long)u,
            ulong ul => ul <= long.MaxValue ? (long)ul : (decimal)ul,
            float f => (double)f,
            double d => d,
            decimal m => m,
            DateTime dt => dt,
            DateTimeOffset dto => dto.UtcDateTime,
            Guid g => g,
            byte[] bytes => bytes,
            Enum e => e.ToString(),
            JsonElement element => FromJson(element, path, depth),
            JsonNode node => FromJson(JsonSerializer.SerializeToElement(node), path, depth),
            IReadOnlyDictionary<string, object?> map => ToDocument(map, path, depth),
            IDictionary dictionary => ToDocument(dictionary, path, depth),
            IEnumerable sequence => ToArray(sequence, path, depth),
            _ => FromJson(JsonSerializer.SerializeToElement(value, value.GetType()), path, depth),
        };
    }

    private static BsonDocument ToDocument(IReadOnlyDictionary<string, object?> map, string path, int depth)
    {
        var document = new BsonDocument();
        foreach (var (key, item) in map) document[key] = ToBson(item, $"{path}['{key}']", depth + 1);
        return document;
    }

    private static BsonDocument ToDocument(IDictionary dictionary, string path, int depth)
    {
        var document = new BsonDocument();
        foreach (DictionaryEntry entry in dictionary)
        {
            var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            document[key] = ToBson(entry.Value, $"{path}['{key}']", depth + 1);
        }

        return document;
    }

    private static BsonArray ToArray(IEnumerable sequence, string path, int depth)
    {
        var array = new BsonArray();
        var index = 0;
        foreach (var item in sequence) array.Add(ToBson(item, $"{path}[{index++}]", depth + 1));
        return array;
    }

    private static BsonValue FromJson(JsonElement element, string path, int depth) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => BsonValue.Null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt32(out var i) => i,
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select((item, n) => FromJson(item, $"{path}[{n}]", depth + 1))),
        JsonValueKind.Object => ObjectFromJson(element, path, depth),
        _ => throw new ArgumentException($"{path} has an unsupported JSON value kind {element.ValueKind}.", "metadata"),
    };

    private static BsonDocument ObjectFromJson(JsonElement element, string path, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"{path} is nested deeper than {MaxDepth} levels.", "metadata");
        var document = new BsonDocument();
        foreach (var property in element.EnumerateObject())
            document[property.Name] = FromJson(property.Value, $"{path}['{property.Name}']", depth + 1);
        return document;
    }

    private static object? FromBson(BsonValue value) => value.Type switch
    {
        BsonType.Null or BsonType.MinValue or BsonType.MaxValue => null,
        BsonType.Document => FromBson(value.AsDocument),
        BsonType.Array => value.AsArray.Select(FromBson).ToList(),
        BsonType.DateTime => DateTime.SpecifyKind(value.AsDateTime.ToUniversalTime(), DateTimeKind.Utc),
        _ => value.RawValue,
    };
}
