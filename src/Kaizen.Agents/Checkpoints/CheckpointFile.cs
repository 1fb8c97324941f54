using LiteDB;

namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// One checkpoint database as this process uses it: the single LiteDB engine on the file, its collection, and the
/// lock every store on the file takes (LiteDB transactions belong to the calling thread).
/// </summary>
internal sealed class CheckpointFile : IDisposable
{
    public const string CollectionName = "checkpoints";

    private CheckpointFile(string path, LiteDatabase database)
    {
        Path = path;
        Database = database;
        Checkpoints = database.GetCollection(CollectionName);
        Checkpoints.EnsureIndex("thread");
    }

    public string Path { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Checkpoints { get; }

    public Lock Gate { get; } = new();

    public static CheckpointFile Open(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        LiteDatabase? database = null;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            return new CheckpointFile(path, database);
        }
        catch (Exception ex) when (ex is IOException or LiteException)
        {
            database?.Dispose();
            throw new IOException($"Cannot open the checkpoint store '{path}': {ex.Message}. Is another process using this data folder?", ex);
        }
    }

    /// <summary>Closes the file (folding LiteDB's log into it).</summary>
    public void Dispose() => Database.Dispose();
}
