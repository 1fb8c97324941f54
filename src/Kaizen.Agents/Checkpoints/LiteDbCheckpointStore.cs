using LiteDB;

namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// Checkpoints in one LiteDB file. Each save (plus its retention) is one LiteDB transaction: LiteDB writes it to its
/// write-ahead log and a crash mid-write rolls it back on the next open, so the previous checkpoint stays readable;
/// the SHA-256 of every state is checked on load. Stores on the same file in one process share one LiteDB engine
/// (so each sees the others' checkpoints at once); the file is not meant to be written by two processes at a time.
/// </summary>
/// <remarks>
/// LiteDB 5 commits return before its background writer has written the log. With <c>durable</c> on (the default)
/// a save also folds the log into the data file (<c>LiteDatabase.Checkpoint</c>), which waits for those writes, so a
/// checkpoint reported as saved survives the process being killed. Off, saves are faster but the newest checkpoint(s)
/// can be missing (never corrupt) after a crash.
/// </remarks>
public sealed class LiteDbCheckpointStore : ICheckpointStore
{
    private readonly CheckpointFile _file;
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<BsonDocument> _checkpoints;
    private readonly CheckpointCompression _compression;
    private readonly TimeProvider _time;
    private readonly Lock _gate;
    private readonly bool _durable;
    private int _disposed;

    /// <summary>Opens (or creates) the store at <paramref name="path"/>; its folder is created when missing.</summary>
    /// <param name="path">The LiteDB file, e.g. <c>.kaizen/checkpoints.db</c>.</param>
    /// <param name="compression">How new checkpoints are compressed (old ones keep theirs).</param>
    /// <param name="timeProvider">Clock for creation times and ids.</param>
    /// <param name="durable">Wait until each save is written before returning (see remarks).</param>
    public LiteDbCheckpointStore(string path, CheckpointCompression compression = CheckpointCompression.Auto, TimeProvider? timeProvider = null, bool durable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _durable = durable;
        Path = System.IO.Path.GetFullPath(path);
        _compression = compression;
        _time = timeProvider ?? TimeProvider.System;
        _file = CheckpointFileRegistry.Acquire(Path);
        _db = _file.Database;
        _checkpoints = _file.Checkpoints;
        _gate = _file.Gate;
    }

    /// <summary>The LiteDB file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public Task<CheckpointInfo> SaveAsync(CheckpointWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = CheckpointCodec.Encode(write.State, _compression);
        var created = _time.GetUtcNow();
        var info = new CheckpointInfo(
            Guid.CreateVersion7(created).ToString("N"), write.ThreadId, write.ParentId, write.State.Turn, created, write.Kind,
            encoded.Compression, encoded.RawSize, encoded.Stored.Length, encoded.Sha256);
        lock (_gate)
        {
            // LiteDB transactions belong to the calling thread; everything below stays on it.
            _db.BeginTrans();
            try
            {
                _checkpoints.Insert(ToDocument(info, encoded.Stored));
                if (write.KeepLast is { } keep) DeleteAllButNewest(write.ThreadId, keep);
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            if (_durable) _db.Checkpoint();
        }
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task<Checkpoint> LoadAsync(string checkpointId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var doc = _checkpoints.FindById(checkpointId) ?? throw new CheckpointNotFoundException(checkpointId, Path);
            var info = ToInfo(doc);
            try
            {
                return Task.FromResult(new Checkpoint(info, Decode(doc, info)));
            }
            catch (InvalidDataException ex)
            {
                throw new CheckpointCorruptedException(checkpointId, ex.Message, FindPreviousValid(info), ex);
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointInfo>> ListAsync(string threadId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult<IReadOnlyList<CheckpointInfo>>(ThreadInfos(threadId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListThreadsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<string> threads = _checkpoints.Query().Select(d => d["thread"].AsString).ToList().Distinct().ToList();
            return Task.FromResult(threads);
        }
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(string threadId, int keepLast, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return Task.FromResult(DeleteAllButNewest(threadId, keepLast));
    }

    /// <summary>Releases the file; the last store of this process on it closes it (folding LiteDB's log into it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) CheckpointFileRegistry.Release(_file);
    }

    private List<CheckpointInfo> ThreadInfos(string threadId) =>
        _checkpoints.Query().Where(Query.EQ("thread", threadId)).Select(BsonExpression.Create("{_id, thread, parent, turn, created, kind, comp, raw, stored, sha}"))
            .ToList().Select(ToInfo).OrderBy(i => i.Turn).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    private int DeleteAllButNewest(string threadId, int keepLast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1);
        var infos = ThreadInfos(threadId);
        var doomed = infos.Take(Math.Max(0, infos.Count - keepLast)).ToList();
        foreach (var info in doomed) _checkpoints.Delete(info.Id);
        return doomed.Count;
    }

    private string? FindPreviousValid(CheckpointInfo corrupted)
    {
        var older = ThreadInfos(corrupted.ThreadId).TakeWhile(i => i.Id != corrupted.Id).Reverse();
        foreach (var candidate in older)
        {
            try
            {
                Decode(_checkpoints.FindById(candidate.Id), candidate);
                return candidate.Id;
            }
            catch (InvalidDataException) { }
        }
        return null;
    }

    private static AgentState Decode(BsonDocument doc, CheckpointInfo info)
    {
        var payload = doc["payload"];
        if (!payload.IsBinary) throw new InvalidDataException("the payload is missing");
        return CheckpointCodec.Decode(payload.AsBinary, info.Compression, info.RawSize, info.Sha256);
    }

    private static BsonDocument ToDocument(CheckpointInfo info, byte[] payload) => new()
    {
        ["_id"] = info.Id,
        ["thread"] = info.ThreadId,
        ["parent"] = info.ParentId is null ? BsonValue.Null : new BsonValue(info.ParentId),
        ["turn"] = info.Turn,
        ["created"] = info.CreatedAt.UtcTicks,
        ["kind"] = (int)info.Kind,
        ["comp"] = (int)info.Compression,
        ["raw"] = info.RawSize,
        ["stored"] = info.StoredSize,
        ["sha"] = info.Sha256,
        ["payload"] = payload,
    };

    private static CheckpointInfo ToInfo(BsonDocument doc) => new(
        doc["_id"].AsString,
        doc["thread"].AsString,
        doc["parent"].IsNull ? null : doc["parent"].AsString,
        doc["turn"].AsInt32,
        new DateTimeOffset(doc["created"].AsInt64, TimeSpan.Zero),
        (CheckpointKind)doc["kind"].AsInt32,
        (CheckpointCompression)doc["comp"].AsInt32,
        doc["raw"].AsInt64,
        doc["stored"].AsInt64,
        doc["sha"].AsString);
}
