using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// What a <see cref="WorkQueue"/> has handed out, in order, with the notes the model left on each item; stored as JSON
/// text in the run's live state so every checkpoint carries it.
/// </summary>
internal sealed record WorkQueueProgress(IReadOnlyList<WorkQueueProgress.Entry> Items)
{
    public static WorkQueueProgress Empty { get; } = new([]);

    public IEnumerable<string> Keys => Items.Select(i => i.Key);

    public WorkQueueProgress After(string key) => new([.. Items, new Entry(key, null)]);

    /// <summary>The progress with <paramref name="notes"/> on the last item handed out, unless it has notes already.</summary>
    public WorkQueueProgress WithNotesOnLast(string? notes)
    {
        if (string.IsNullOrWhiteSpace(notes) || Items.Count == 0 || Items[^1].Notes is not null) return this;
        return new([.. Items.Take(Items.Count - 1), Items[^1] with { Notes = notes.Trim() }]);
    }

    public string ToJson() => new JsonObject
    {
        ["items"] = new JsonArray([.. Items.Select(i => (JsonNode)new JsonObject { ["key"] = i.Key, ["notes"] = i.Notes })]),
    }.ToJsonString();

    /// <exception cref="InvalidDataException">The text is not progress written by a work queue.</exception>
    public static WorkQueueProgress Parse(string json, string stateKey)
    {
        try
        {
            var items = JsonNode.Parse(json)?["items"]?.AsArray()
                ?? throw new InvalidDataException($"The work queue state '{stateKey}' has no \"items\" array.");
            return new(items.Select(i => new Entry(
                i?["key"]?.GetValue<string>() ?? throw new InvalidDataException($"An item of the work queue state '{stateKey}' has no key."),
                i["notes"]?.GetValue<string>())).ToList());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"The work queue state '{stateKey}' is not readable: {ex.Message}", ex);
        }
    }

    /// <summary>One item handed out, and the model's notes on it once it gave them.</summary>
    public sealed record Entry(string Key, string? Notes);
}
