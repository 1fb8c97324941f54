using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>Where a backend's database lives: a file path or a LiteDB connection string, normalised.</summary>
internal sealed record MemoryLocation(ConnectionString Connection, string FullPath, bool InMemory, MemoryConcurrency Concurrency)
{
    public const string InMemoryName = ":memory:";

    /// <summary>
    /// Accepts a path (<c>memory.db</c>) or a connection string (<c>Filename=memory.db;Password=…</c>).
    /// <c>Connection=shared</c> in a connection string selects <see cref="MemoryConcurrency.MultiProcess"/>.
    /// </summary>
    public static MemoryLocation Parse(string pathOrConnectionString, MemoryConcurrency requested)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        var connection = pathOrConnectionString.Contains('=')
            ? new ConnectionString(pathOrConnectionString)
            : new ConnectionString { Filename = pathOrConnectionString };
        if (string.IsNullOrWhiteSpace(connection.Filename))
            throw new ArgumentException($"The connection string '{pathOrConnectionString}' has no Filename=...", nameof(pathOrConnectionString));

        var concurrency = connection.Connection == ConnectionType.Shared ? MemoryConcurrency.MultiProcess : requested;
        LiteDbOpener.Prepare(connection);
        if (connection.Filename == InMemoryName) return new MemoryLocation(connection, InMemoryName, true, MemoryConcurrency.SingleProcess);

        var fullPath = Path.GetFullPath(connection.Filename);
        var directory = Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
            throw new MemoryStoreException($"The folder of the memory database '{fullPath}' does not exist; create it first.");
        if (Directory.Exists(fullPath))
            throw new MemoryStoreException($"'{fullPath}' is a folder; give the memory backend a file path such as '{Path.Combine(fullPath, "memory.db")}'.");
        connection.Filename = fullPath;
        return new MemoryLocation(connection, fullPath, false, concurrency);
    }
}
