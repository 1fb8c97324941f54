using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Agents.Tools.Audit;

/// <summary>An audit log appended to a JSON Lines file, one entry per line, flushed per entry.</summary>
public sealed class JsonLinesToolAuditLog(string path) : IToolAuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly string _path = Path.GetFullPath(path);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async ValueTask AppendAsync(ToolAuditEntry entry, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await File.AppendAllTextAsync(_path, line, cancellationToken).ConfigureAwait(false);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Reads every entry back from a file written by this log.</summary>
    public static IReadOnlyList<ToolAuditEntry> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ToolAuditEntry>(l, Json)!).ToList();
}
