using System.Text;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>Checks that an existing file is a LiteDB database before LiteDB opens (and could write to) it.</summary>
internal static class LiteDbFileFormat
{
    private const int HeaderInfoOffset = 32;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    public static void EnsureLiteDbOrAbsent(string path, bool encrypted)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0) return;
        var head = new byte[HeaderInfoOffset + HeaderInfo.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);

        var isPlain = read == head.Length && head.AsSpan(HeaderInfoOffset).SequenceEqual(HeaderInfo);
        var looksEncrypted = encrypted && read > 0 && head[0] == 1;
        if (isPlain || looksEncrypted) return;
        throw new MemoryStoreException(
            $"'{path}' is not a LiteDB database (no LiteDB header in its first {head.Length} bytes), so the memory backend " +
            "did not open it and left it untouched. Point the backend at a new file name or at an existing Kaizen memory database " +
            "(for a password-protected database, pass a connection string with Password=...).");
    }
}
