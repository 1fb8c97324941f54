namespace Kaizen.Agents.Memory;

/// <summary>A memory database could not be opened, locked or written; the message names the file and the fix.</summary>
public class MemoryStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MemoryStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The memory file is damaged or is not a Kaizen memory database. The message names the file, what is wrong and what to
/// do: salvage every readable turn with <see cref="MemoryRepair.ExportReadableTurnsAsync"/> (or the file was refused and
/// left untouched). The backend stays usable: a later call reopens the file.
/// </summary>
public sealed class MemoryStoreDamagedException : MemoryStoreException
{
    /// <summary>Creates the exception.</summary>
    public MemoryStoreDamagedException(string path, string message, string detail, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        Detail = detail;
    }

    /// <summary>The memory file.</summary>
    public string Path { get; }

    /// <summary>What is damaged.</summary>
    public string Detail { get; }

    /// <summary>
    /// For a read of turns: the turns of the requested range that could still be read one by one, in sequence order
    /// (one damaged record does not hide the others). Empty for other operations.
    /// </summary>
    public IReadOnlyList<MemoryTurn> ReadableTurns { get; private init; } = [];

    /// <summary>For a read of turns: the sequences of the range whose records could not be read.</summary>
    public IReadOnlyList<long> DamagedSequences { get; private init; } = [];

    internal MemoryStoreDamagedException WithSalvage(string session, IReadOnlyList<MemoryTurn> readable, IReadOnlyList<long> damaged) =>
        new(Path,
            $"{Message} Of the turns asked for in session '{session}', {readable.Count} are still readable (ReadableTurns) and " +
            $"{damaged.Count} are damaged (sequences {string.Join(", ", damaged.Take(20))}{(damaged.Count > 20 ? ", …" : "")}).",
            Detail, InnerException)
        {
            ReadableTurns = readable,
            DamagedSequences = damaged,
        };

    internal static MemoryStoreDamagedException FromOperation(string path, Exception cause) => new(path,
        $"The memory file '{path}' is damaged: reading or writing it failed with {cause.GetType().Name}: {cause.Message} " +
        $"Committed turns that are still readable can be salvaged with MemoryRepair.ExportReadableTurnsAsync(\"{path}\", \"turns.jsonl\") " +
        "(or `dotnet run --project tools/memory-repair -- <file> <out.jsonl>`); keep the damaged file for inspection and start a new one.",
        $"{cause.GetType().Name}: {cause.Message}", cause);
}
