using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// The working notes the scripted model writes each turn: the item it just judged, its findings, and the running tally
/// it carries from turn to turn (a scratchpad, as a real agent with a short context keeps one).
/// </summary>
public sealed record BatchNotes(
    [property: JsonPropertyName("item")] string? Item,
    [property: JsonPropertyName("findings")] IReadOnlyList<string> Findings,
    [property: JsonPropertyName("tally")] IReadOnlyDictionary<string, IReadOnlyList<string>> Tally)
{
    /// <summary>Notes before any item.</summary>
    public static BatchNotes Empty { get; } = new(null, [], new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>These notes as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads notes written by <see cref="ToJson"/>; null when the text is not such notes.</summary>
    public static BatchNotes? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart().StartsWith('{')) return null;
        try
        {
            var notes = JsonSerializer.Deserialize<BatchNotes>(text);
            return notes?.Findings is null || notes.Tally is null ? null : notes;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The notes after judging <paramref name="item"/>: its findings added to the tally.</summary>
    public BatchNotes After(string item, IReadOnlyList<string> findings, Func<string, string> label)
    {
        var tally = Tally.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            var key = label(finding);
            if (!tally.TryGetValue(key, out var list)) tally[key] = list = [];
            list.Add(finding);
        }
        return new BatchNotes(item, findings, tally.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }
}
