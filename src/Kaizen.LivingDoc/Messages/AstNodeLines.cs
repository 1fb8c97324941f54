using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.LivingDoc.Messages;

/// <summary>
/// The only thing the living doc needs from a run's gherkinDocument envelope: the line of every AST node id (to tie the
/// run's pickles to scenarios and Examples rows of the feature files). Read as a stream of tokens, because the
/// documents are most of a run file's bytes.
/// </summary>
[JsonConverter(typeof(AstNodeLinesConverter))]
internal sealed class AstNodeLines : Dictionary<string, long>
{
    public AstNodeLines() : base(StringComparer.Ordinal) { }
}

/// <summary>Collects <c>id</c> → <c>location.line</c> for every object of a gherkinDocument without building a DOM.</summary>
internal sealed class AstNodeLinesConverter : JsonConverter<AstNodeLines>
{
    private enum Property { Other, Id, Line, Location }

    private sealed class Frame(bool isLocation)
    {
        public bool IsLocation { get; } = isLocation;
        public string? Id { get; set; }
        public long? Line { get; set; }
    }

    public override AstNodeLines Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("gherkinDocument must be an object");
        var lines = new AstNodeLines();
        var frames = new Stack<Frame>();
        frames.Push(new Frame(isLocation: false));
        // Property names are compared as UTF-8 bytes: allocating a string per name would dominate reading a run.
        var property = Property.Other;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.ValueTextEquals("id"u8) ? Property.Id
                        : reader.ValueTextEquals("line"u8) ? Property.Line
                        : reader.ValueTextEquals("location"u8) ? Property.Location
                        : Property.Other;
                    continue;
                case JsonTokenType.StartObject:
                    frames.Push(new Frame(isLocation: property == Property.Location));
                    break;
                case JsonTokenType.EndObject:
                    var frame = frames.Pop();
                    if (frames.Count == 0)
                    {
                        if (frame.Id is not null && frame.Line is not null) lines[frame.Id] = frame.Line.Value;
                        return lines;
                    }
                    if (frame.IsLocation) frames.Peek().Line = frame.Line;
                    else if (frame.Id is not null && frame.Line is not null) lines[frame.Id] = frame.Line.Value;
                    break;
                case JsonTokenType.String when property == Property.Id:
                    frames.Peek().Id = reader.GetString();
                    break;
                case JsonTokenType.Number when property == Property.Line && frames.Peek().IsLocation:
                    frames.Peek().Line = reader.GetInt64();
                    break;
            }
            property = Property.Other;
        }
        throw new JsonException("gherkinDocument ends too early");
    }

    public override void Write(Utf8JsonWriter writer, AstNodeLines value, JsonSerializerOptions options) =>
        throw new NotSupportedException("the living doc only reads gherkinDocument envelopes");
}
