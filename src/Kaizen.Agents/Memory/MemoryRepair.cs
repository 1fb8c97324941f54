using System.Buffers.Binary;

using Kaizen.Agents.Memory.Storage;
using LiteDB;

namespace Kaizen.Agents.Memory;

/// <summary>What <see cref="MemoryRepair.ExportReadableTurnsAsync"/> salvaged.</summary>
/// <param name="TurnsExported">Turns written to the output file.</param>
/// <param name="Sessions">Sessions they belong to.</param>
/// <param name="ReadThroughDatabase">True when LiteDB read the whole file; false when pages had to be scanned one by one.</param>
/// <param name="UnreadableRecords">Records that looked like turns but could not be decoded.</param>
public sealed record MemoryRepairReport(int TurnsExported, int Sessions, bool ReadThroughDatabase, int UnreadableRecords);

/// <summary>
/// Salvages a damaged memory file: reads every turn that can still be read and writes them as JSON lines
/// (<c>{"session", "sequence", "role", "content", "timestamp", "metadata"}</c>), without ever writing to the damaged file.
/// Load them into a new file with <see cref="LiteDbMemoryBackend.StoreTurnsAsync"/>.
/// </summary>
public static class MemoryRepair
{
    /// <summary>
    /// Exports every readable turn of <paramref name="databasePath"/> (and its <c>-log</c> file) to <paramref name="outputPath"/>.
    /// LiteDB reads the file first; if it fails part-way, every page is scanned for turn records instead, so one damaged
    /// record or index page costs that record only. A page scan can bring back turns that were deleted but not yet overwritten.
    /// </summary>
    public static async Task<MemoryRepairReport> ExportReadableTurnsAsync(string databasePath, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var path = Path.GetFullPath(databasePath);
        if (!File.Exists(path)) throw new FileNotFoundException($"No memory file '{path}' to export.", path);
        var turns = new Dictionary<long, BsonDocument>();
        var whole = TryReadWithLiteDb(path, turns);
        var unreadable = 0;
        if (!whole)
        {
            foreach (var file in new[] { path, LogPath(path) }.Where(File.Exists))
                unreadable += ScanPages(file, turns, cancellationToken);
        }

        var ordered = turns.Values
            .Select(d => (Session: d[TurnDocument.Session].AsString, Sequence: d[TurnDocument.Sequence].AsInt64, Doc: d))
            .OrderBy(t => t.Session, StringComparer.Ordinal).ThenBy(t => t.Sequence).ToList();
        var exported = 0;
        var exportedSessions = new HashSet<string>(StringComparer.Ordinal);
        var output = new StreamWriter(outputPath, append: false);
        await using (output.ConfigureAwait(false))
        {
            foreach (var (session, sequence, doc) in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                MemoryTurn turn;
                try { turn = TurnDocument.ToTurn(doc); }
                catch (Exception ex) when (ex is not OperationCanceledException) { unreadable++; continue; }
                var line = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["session"] = session, ["sequence"] = sequence, ["role"] = turn.Role, ["content"] = turn.Content,
                    ["timestamp"] = turn.Timestamp, ["metadata"] = turn.Metadata,
                });
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
                exported++;
                exportedSessions.Add(session);
            }
        }
        return new MemoryRepairReport(exported, exportedSessions.Count, whole, unreadable);
    }

    private static string LogPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static bool TryReadWithLiteDb(string path, Dictionary<long, BsonDocument> turns)
    {
        if (LiteDbFileFormat.Problem(path, encrypted: false) is not null) return false;
        // Read a copy: LiteDB may write to the file it opens (header, log), and the damaged file must stay as it is.
        var copy = Path.Combine(Path.GetTempPath(), $"kaizen-repair-{Guid.NewGuid():N}.db");
        try
        {
            File.Copy(path, copy);
            if (File.Exists(LogPath(path))) File.Copy(LogPath(path), LogPath(copy));
            using var database = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
            foreach (var doc in database.GetCollection(TurnDocument.Collection).FindAll())
            {
                if (IsTurn(doc)) turns[doc["_id"].AsInt64] = doc;
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return false; // fall back to the page scan (what was read so far is kept)
        }
        finally
        {
            TryDelete(copy);
            TryDelete(LogPath(copy));
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Tries every offset of every page for a BSON document shaped like a turn; returns how many such shapes did not decode.</summary>
    private static int ScanPages(string file, Dictionary<long, BsonDocument> turns, CancellationToken cancellationToken)
    {
        var unreadable = 0;
        var page = new byte[LiteDbFileFormat.PageSize];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = stream.ReadAtLeast(page, page.Length, throwOnEndOfStream: false);
            if (read < 16) break;
            for (var offset = 0; offset + 5 <= read; offset++)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(offset));
                if (length < 32 || length > read - offset || page[offset + length - 1] != 0) continue;
                // A turn document starts with its int64 "_id" (type 0x12), then the session string ("s", type 0x02).
                if (page[offset + 4] != 0x12 || page[offset + 5] != (byte)'_' || page[offset + 6] != (byte)'i' || page[offset + 7] != (byte)'d') continue;
                BsonDocument doc;
                try
                {
                    doc = BsonSerializer.Deserialize(page.AsSpan(offset, length).ToArray());
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    unreadable++;
                    continue;
                }
                if (IsTurn(doc)) turns[doc["_id"].AsInt64] = doc;
            }
            if (read < page.Length) break;
        }
        return unreadable;
    }

    private static bool IsTurn(BsonDocument doc) =>
        doc.TryGetValue("_id", out var id) && id.IsInt64
        && doc.TryGetValue(TurnDocument.Session, out var s) && s.IsString
        && doc.TryGetValue(TurnDocument.Sequence, out var q) && q.IsInt64
        && doc.TryGetValue(TurnDocument.Role, out var r) && r.IsString
        && doc.TryGetValue(TurnDocument.Content, out var c) && c.IsString
        && doc.TryGetValue(TurnDocument.UtcTicks, out var t) && t.IsInt64
        && doc.TryGetValue(TurnDocument.OffsetMinutes, out var o) && o.IsInt32;
}
