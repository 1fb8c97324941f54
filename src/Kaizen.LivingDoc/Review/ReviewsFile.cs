using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// The reviews file (<c>docs/living-doc/reviews.json</c>): sign-offs sorted by feature and scenario, one text line per
/// JSON line, so that a pull request shows exactly which scenarios were signed and what they said.
/// A file that is not valid JSON, or an entry that is incomplete, duplicated or edited by hand (its fingerprint no
/// longer matches its text), is an error naming the file and line.
/// </summary>
internal static class ReviewsFile
{
    public const int FormatVersion = 1;
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Keeps quotes, <, > and non-ASCII text of scenarios readable in diffs (the file is data, never HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record FileShape(int Version, IReadOnlyList<ReviewEntry> Reviews);

    /// <summary>A missing file is an empty review; problems go to <paramref name="diagnostics"/> as errors.</summary>
    public static async Task<IReadOnlyList<ReviewEntry>> LoadAsync(string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path)) throw new LivingDocInputException($"{Path.GetFullPath(path)} is a folder: pass the reviews JSON file (e.g. docs/living-doc/reviews.json)");
        if (!File.Exists(path)) return [];
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Parse(bytes, path, diagnostics);
    }

    public static IReadOnlyList<ReviewEntry> Parse(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var entries = new List<(ReviewEntry Entry, int Line)>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            ReadDocument(ref reader, bytes, path, entries, diagnostics);
        }
        catch (ShapeException ex)
        {
            diagnostics.Error(path, ex.Line, $"not a reviews file: {ex.Message}; fix it by hand or restore it from version control");
            return [];
        }
        catch (JsonException ex)
        {
            diagnostics.Error(path, (int?)ex.LineNumber + 1, $"not valid JSON: {FirstSentence(ex.Message)}; fix it by hand or restore it from version control");
            return [];
        }
        var seen = new Dictionary<ReviewKey, int>();
        var valid = new List<ReviewEntry>();
        foreach (var (entry, line) in entries)
        {
            if (Problem(entry) is { } problem) diagnostics.Error(path, line, problem);
            else if (seen.TryGetValue(entry.Key, out var first)) diagnostics.Error(path, line, $"'{entry.Key}' is signed twice (first on line {first}): keep one entry");
            else
            {
                seen[entry.Key] = line;
                valid.Add(entry);
            }
        }
        return valid;
    }

    private static void ReadDocument(ref Utf8JsonReader reader, byte[] bytes, string path, List<(ReviewEntry, int)> entries, DiagnosticBag diagnostics)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new ShapeException(1, "expected an object with \"version\" and \"reviews\"");
        var version = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            var line = LineOf(bytes, reader.TokenStartIndex);
            reader.Read();
            if (name == "version")
            {
                version = reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : -1;
                if (version != FormatVersion) diagnostics.Error(path, line, $"unsupported version (expected {FormatVersion}): was this file written by a newer Kaizen.LivingDoc?");
            }
            else if (name == "reviews")
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new ShapeException(line, "\"reviews\" must be an array of sign-offs");
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    var entryLine = LineOf(bytes, reader.TokenStartIndex);
                    var entry = JsonSerializer.Deserialize<ReviewEntry>(ref reader, Json);
                    if (entry is not null) entries.Add((entry, entryLine));
                }
                if (reader.TokenType != JsonTokenType.EndArray) throw new ShapeException(LineOf(bytes, reader.TokenStartIndex), "\"reviews\" must hold objects only");
            }
            else reader.Skip();
        }
        if (version == 0) diagnostics.Error(path, 1, $"no \"version\": a reviews file starts with {{\"version\": {FormatVersion}, \"reviews\": [...]}}");
    }

    private static string? Problem(ReviewEntry e)
    {
        if (string.IsNullOrWhiteSpace(e.Feature) || string.IsNullOrWhiteSpace(e.Scenario)) return "an entry needs \"feature\" and \"scenario\"";
        if (string.IsNullOrWhiteSpace(e.ReviewedBy)) return $"'{e.Key}' has no \"reviewedBy\"";
        if (!DateOnly.TryParseExact(e.ReviewedOn, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return $"'{e.Key}' has \"reviewedOn\" '{e.ReviewedOn}': expected a date like 2026-12-02";
        if (e.Text is null || e.Text.Count == 0) return $"'{e.Key}' has no reviewed \"text\"";
        if (e.Fingerprint != ScenarioText.Fingerprint(e.Text))
            return $"the fingerprint of '{e.Key}' does not match its reviewed text: the entry was edited by hand. " +
                   "Restore it from version control, or sign the scenario again (review sign --filter ...)";
        return null;
    }

    public static async Task SaveAsync(string path, IEnumerable<ReviewEntry> entries, CancellationToken cancellationToken)
    {
        var sorted = entries.OrderBy(e => e.Key).ToList();
        var json = JsonSerializer.Serialize(new FileShape(FormatVersion, sorted), Json);
        await AtomicFile.WriteAsync(path, json + "\n", cancellationToken);
    }

    private static int LineOf(byte[] bytes, long offset) => bytes.AsSpan(0, (int)offset).Count((byte)'\n') + 1;

    // System.Text.Json appends the position ("Path: … | LineNumber: …"), which the diagnostic reports itself.
    private static string FirstSentence(string message)
    {
        var cut = new[] { " Path:", " LineNumber:" }.Select(m => message.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private sealed class ShapeException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }
}
