using System.Globalization;
using LiteDB;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>Opens LiteDB in direct mode with the settings every memory file uses; turns LiteDB's errors into clear ones.</summary>
internal static class LiteDbOpener
{
    /// <summary>Ordinal comparison so session ids "A" and "a" stay two sessions (LiteDB's default ignores case).</summary>
    private static readonly Collation OrdinalCollation = new(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal);

    /// <summary>Makes a parsed connection string fit for the memory backend: direct mode, ordinal collation.</summary>
    public static void Prepare(ConnectionString connection)
    {
        connection.Connection = ConnectionType.Direct;
        connection.Collation = OrdinalCollation;
    }

    /// <summary>Log size (pages) at which LiteDB would checkpoint inline; high, so the idle writer does it first.</summary>
    private const int DeferredCheckpointPages = 20_000;

    public static LiteDatabase Open(ConnectionString connection)
    {
        var template = connection;
        try
        {
            var database = new LiteDatabase(connection) { CheckpointSize = DeferredCheckpointPages };
            try
            {
                database.GetCollection(TurnDocument.Collection); // touches the header: fails here, not mid-operation
                if (LiteDbFileFormat.EnsureFormat(database, "kaizen-memory", 1, TurnDocument.Collection, SessionRecord.Collection, "meta") is { } problem)
                    throw new MemoryStoreDamagedException(template.Filename,
                        $"'{template.Filename}' is not a Kaizen memory database: {problem}. The memory backend did not change it; use another file name.", problem);
                return database;
            }
            catch
            {
                try { database.Dispose(); }
                catch (Exception exception) when (exception is LiteException or IOException or ObjectDisposedException) { /* already broken */ }
                throw;
            }
        }
        catch (MemoryStoreException)
        {
            throw;
        }
        catch (LiteException exception)
        {
            throw new MemoryStoreException(
                $"LiteDB could not open '{template.Filename}': {exception.Message} The file was not changed by the memory backend; " +
                "check the password in the connection string or use a new file.", exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw MemoryStoreDamagedException.FromOperation(template.Filename, exception);
        }
    }
}
