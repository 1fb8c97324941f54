using Kaizen.Agents.Memory.Storage;
using LiteDB;

namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// One checkpoint database as this process uses it: the single LiteDB engine on the file, its collections, and the
/// lock every store on the file takes (LiteDB transactions belong to the calling thread). After damage closed the
/// engine, the next use of <see cref="Database"/> checks the file again and opens a new one.
/// </summary>
internal sealed class CheckpointFile : IDisposable
{
    public const string CollectionName = "checkpoints";
    public const string ThreadsCollection = "checkpoint_threads";
    public const string FormatKind = "kaizen-checkpoints";

    private LiteDatabase? _database;

    private CheckpointFile(string path, LiteDatabase database)
    {
        Path = path;
        _database = database;
    }

    public string Path { get; }

    /// <summary>The open engine (reopened first when damage closed the previous one).</summary>
    public LiteDatabase Database => _database ??= OpenDatabase(Path);

    public ILiteCollection<BsonDocument> Checkpoints => Database.GetCollection(CollectionName);

    /// <summary>Per thread, how many checkpoints it holds (so a lost record is an error, never a silently shorter list).</summary>
    public ILiteCollection<BsonDocument> Threads => Database.GetCollection(ThreadsCollection);

    public Lock Gate { get; } = new();

    public static CheckpointFile Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        return new CheckpointFile(path, OpenDatabase(path));
    }

    /// <summary>Drops the engine after damage; the next use opens the file again (and checks it again).</summary>
    public void Close()
    {
        try { _database?.Dispose(); }
        catch (Exception exception) when (exception is not OutOfMemoryException) { /* already broken */ }
        _database = null;
    }

    private static LiteDatabase OpenDatabase(string path)
    {
        if (LiteDbFileFormat.Problem(path, encrypted: false) is { } problem)
            throw new CheckpointStoreDamagedException(path, $"{problem}; it was not opened and was left untouched", null);
        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            if (LiteDbFileFormat.EnsureFormat(database, FormatKind, 1, CollectionName) is { } foreign)
                throw new CheckpointStoreDamagedException(path, $"{foreign}; it was left untouched", null);
            var checkpoints = database.GetCollection(CollectionName);
            checkpoints.EnsureIndex("thread");
            var threads = database.GetCollection(ThreadsCollection);
            if (threads.Count() == 0 && checkpoints.Count() > 0)
            {
                // A store written before thread counts existed: count once.
                foreach (var group in checkpoints.Query().Select("thread").ToList().GroupBy(d => d["thread"].AsString))
                    threads.Upsert(new BsonDocument { ["_id"] = group.Key, ["n"] = group.Count() });
            }
            return database;
        }
        catch (CheckpointStoreDamagedException)
        {
            Dispose(database);
            throw;
        }
        catch (IOException ex) when (IsLockedByAnotherProcess(ex))
        {
            Dispose(database);
            throw new IOException($"Cannot open the checkpoint store '{path}': {ex.Message}. Is another process using this data folder?", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Dispose(database);
            throw new CheckpointStoreDamagedException(path, $"LiteDB cannot open it ({ex.GetType().Name}: {ex.Message})", null, ex);
        }
    }

    private static bool IsLockedByAnotherProcess(IOException error) =>
        (error.HResult & 0xFFFF) is 32 or 33 // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        || error.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase);

    private static void Dispose(LiteDatabase? database)
    {
        try { database?.Dispose(); }
        catch (Exception exception) when (exception is not OutOfMemoryException) { /* already broken */ }
    }

    /// <summary>Closes the file (folding LiteDB's log into it).</summary>
    public void Dispose() => Close();
}
