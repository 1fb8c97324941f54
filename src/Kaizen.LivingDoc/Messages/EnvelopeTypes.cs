using System.Text.Json;

namespace Kaizen.LivingDoc.Messages;

/// <summary>
/// The envelope types of the Cucumber Messages protocol (taken from the Cucumber.Messages package), to tell a type the
/// living doc merely skips (testStepStarted, suggestion, …) from one that is not in the protocol at all.
/// </summary>
internal static class EnvelopeTypes
{
    private static readonly HashSet<string> Protocol = typeof(Io.Cucumber.Messages.Types.Envelope).GetProperties()
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>For a line that filled no envelope field we read: a warning text when it holds no protocol type, else null.</summary>
    public static string? Unknown(ReadOnlySpan<byte> line)
    {
        var names = TopLevelNames(line);
        if (names.Count == 0) return "an envelope without a message ({}): skipped";
        var unknown = names.Where(n => !Protocol.Contains(n)).ToList();
        return unknown.Count == names.Count
            ? $"unknown envelope type {string.Join(", ", unknown.Select(n => $"'{n}'"))} (not a Cucumber Messages type): skipped"
            : null;
    }

    private static List<string> TopLevelNames(ReadOnlySpan<byte> line)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(line);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                names.Add(reader.GetString()!);
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > 0)
                reader.Skip();
        }
        return names;
    }
}
