using System.Buffers.Binary;
using System.Text;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// Checks that an existing file is a whole LiteDB 5 database before LiteDB opens (and could write to) it, and marks the
/// files Kaizen creates with a format record so a store never takes over a database another program wrote.
/// </summary>
internal static class LiteDbFileFormat
{
    public const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const int FileVersionOffset = 59;
    private const int LastPageIdOffset = 64;
    private const byte SupportedFileVersion = 8;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Collection holding the format record of a Kaizen file.</summary>
    public const string FormatCollection = "kaizen_format";

    /// <summary>
    /// Null when <paramref name="path"/> does not exist or looks like a whole LiteDB file; otherwise what is wrong with it.
    /// An encrypted file's header cannot be read without the password, so only its size is checked.
    /// </summary>
    public static string? Problem(string path, bool encrypted)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return null;
        if (file.Length == 0) return "it is empty (0 bytes): no store was ever written to it completely, or it was truncated";
        if (file.Length < PageSize)
            return $"it is {file.Length} bytes, shorter than one LiteDB page ({PageSize} bytes): it is not a database or it was truncated";
        var head = new byte[PageSize];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            stream.ReadExactly(head);
        if (encrypted && head[0] == 1) return file.Length % PageSize == 0 ? null : $"it is {file.Length} bytes, not a whole number of pages (cut off?)";
        if (!head.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(HeaderInfo))
            return "it has no LiteDB header: it is not a LiteDB database (a text file, another program's file, or a password-protected database opened without Password=...)";
        if (head[FileVersionOffset] != SupportedFileVersion)
            return $"it is a LiteDB file of format version {head[FileVersionOffset]}, this library reads version {SupportedFileVersion} (LiteDB 5)";
        if (file.Length % PageSize != 0) return $"it is {file.Length} bytes, not a whole number of {PageSize}-byte pages: it was cut off";
        var lastPage = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(LastPageIdOffset));
        var pages = file.Length / PageSize;
        if (lastPage >= pages) return $"its header counts {lastPage + 1} pages but the file holds only {pages}: it was cut off";
        return null;
    }

    /// <summary>
    /// Checks the format record of an open database: writes it into a new (empty) database or a file of this kind written
    /// before format records existed (it has one of <paramref name="knownCollections"/>); null when the file is ours,
    /// otherwise why it is not.
    /// </summary>
    public static string? EnsureFormat(LiteDatabase database, string kind, int version, params string[] knownCollections)
    {
        var formats = database.GetCollection(FormatCollection);
        var record = formats.FindById("format");
        if (record is null)
        {
            var names = database.GetCollectionNames().Where(n => n != FormatCollection && !n.StartsWith('$')).ToList();
            if (names.Count > 0 && !names.Any(knownCollections.Contains))
                return $"it is a LiteDB database written by another program (collections: {string.Join(", ", names.Take(5))}), not a {kind} file";
            formats.Upsert(new BsonDocument { ["_id"] = "format", ["kind"] = kind, ["version"] = version });
            return null;
        }
        var recordKind = record["kind"].IsString ? record["kind"].AsString : "?";
        if (recordKind != kind) return $"it is a '{recordKind}' file, not a {kind} file";
        var recordVersion = record["version"].IsNumber ? record["version"].AsInt32 : -1;
        if (recordVersion > version) return $"it was written in format version {recordVersion} by a newer Kaizen; this one reads up to {version}";
        return null;
    }

    public static void EnsureLiteDbOrAbsent(string path, bool encrypted)
    {
        if (Problem(path, encrypted) is not { } problem) return;
        throw new MemoryStoreDamagedException(path,
            $"'{path}' is not a usable Kaizen memory database: {problem}. The memory backend did not open it and left it untouched. " +
            "Point the backend at a new file name or at an existing Kaizen memory database (for a password-protected database, pass a " +
            $"connection string with Password=...). To salvage the turns of a damaged memory file, run MemoryRepair.ExportReadableTurnsAsync(\"{path}\", \"turns.jsonl\").",
            problem);
    }
}
