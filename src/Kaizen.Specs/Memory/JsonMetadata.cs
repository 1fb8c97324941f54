using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Turn metadata written in a feature as JSON: read into the plain dictionaries and lists a caller of the library
/// would pass, and compared with what the library gives back by structure, not by layout.
/// </summary>
internal static class JsonMetadata
{
    public static Dictionary<string, object?> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.ValueKind.Should().Be(JsonValueKind.Object, "turn metadata is a JSON object");
        return ToDictionary(document.RootElement);
    }

    /// <summary>Whether the metadata the library returned has exactly the structure and values of <paramref name="expectedJson"/>.</summary>
    public static void ShouldMatch(IReadOnlyDictionary<string, object?> actual, string expectedJson)
    {
        var actualJson = JsonSerializer.SerializeToNode(actual);
        JsonNode.DeepEquals(actualJson, JsonNode.Parse(expectedJson))
            .Should().BeTrue("the metadata read back was {0}, expected {1}", actualJson?.ToJsonString(), expectedJson);
    }

    private static Dictionary<string, object?> ToDictionary(JsonElement element) =>
        element.EnumerateObject().ToDictionary(property => property.Name, property => ToValue(property.Value), StringComparer.Ordinal);

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt32(out var number) => number,
        JsonValueKind.Number when element.TryGetInt64(out var large) => large,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
