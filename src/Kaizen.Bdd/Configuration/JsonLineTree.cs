using System.Text;
using System.Text.Json;

namespace Kaizen.Bdd.Configuration;

/// <summary>A minimal JSON tree that remembers the line of every value, so configuration errors can name it.</summary>
internal sealed class JsonLineNode
{
    public required JsonTokenType Kind { get; init; }
    public required long Line { get; init; }
    public string? Text { get; init; }
    public List<KeyValuePair<string, JsonLineNode>> Properties { get; } = new();
    public List<JsonLineNode> Items { get; } = new();

    public JsonLineNode? this[string name] =>
        Properties.LastOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string Describe() => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => $"the string \"{Text}\"",
        JsonTokenType.Number => $"the number {Text}",
        JsonTokenType.True or JsonTokenType.False => $"the boolean {Text}",
        JsonTokenType.Null => "null",
        _ => Kind.ToString(),
    };
}

/// <summary>Parses JSON (comments and trailing commas allowed, as Reqnroll does) into <see cref="JsonLineNode"/>s.</summary>
internal static class JsonLineTree
{
    public static JsonLineNode Parse(string json, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read())
                throw new ReqnrollConfigurationException(file, 1, null, "the file is empty; expected a JSON object.");
            var root = ReadValue(ref reader, lineStarts);
            if (reader.Read())
                throw new ReqnrollConfigurationException(file, LineOf(lineStarts, reader.TokenStartIndex), null,
                    "unexpected content after the end of the JSON object.");
            return root;
        }
        catch (JsonException error)
        {
            throw new ReqnrollConfigurationException(file, (error.LineNumber ?? 0) + 1, null,
                $"is not valid JSON: {error.Message}", error);
        }
    }

    private static JsonLineNode ReadValue(ref Utf8JsonReader reader, long[] lineStarts)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonLineNode { Kind = JsonTokenType.StartObject, Line = line };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    obj.Properties.Add(new(name, ReadValue(ref reader, lineStarts)));
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonLineNode { Kind = JsonTokenType.StartArray, Line = line };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    array.Items.Add(ReadValue(ref reader, lineStarts));
                return array;
            case JsonTokenType.String:
                return new JsonLineNode { Kind = JsonTokenType.String, Line = line, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonLineNode { Kind = JsonTokenType.Number, Line = line, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonLineNode { Kind = reader.TokenType, Line = line, Text = reader.TokenType == JsonTokenType.True ? "true" : "false" };
            default:
                return new JsonLineNode { Kind = JsonTokenType.Null, Line = line };
        }
    }

    private static long[] LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        return starts.ToArray();
    }

    private static long LineOf(long[] lineStarts, long offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
