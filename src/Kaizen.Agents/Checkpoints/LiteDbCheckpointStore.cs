using Kaizen.Agents.Storage;
using LiteDB;

namespace Kaizen.Agents.Checkpoints;

/// <summary>
/// Checkpoints in one LiteDB file. Each save (plus its retention) is one LiteDB transaction: LiteDB writes it to its
/// write-ahead log and a crash mid-write rolls it back on the next open, so the previous checkpoint stays readable;
/// the SHA-256 of every state is checked on load. A file the store did not write (text, another program's database, a
/// truncated store) is refused with <see cref="CheckpointStoreDamagedException"/> and left untouched; damage found later
/// raises the same exception naming the newest checkpoint that still loads, and the next call reopens the file. Stores on the same file in one process share one LiteDB engine
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
    /// <exception cref="CheckpointStoreDamagedException">The file exists but is not a whole Kaizen checkpoint store.</exception>
    public LiteDbCheckpointStore(string path, CheckpointCompression compression = CheckpointCompression.Auto, TimeProvider? timeProvider = null, bool durable = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _durable = durable;
        Path = System.IO.Path.GetFullPath(path);
        _compression = compression;
        _time = timeProvider ?? TimeProvider.System;
        _file = OpenFileRegistry.Acquire(Path, () => CheckpointFile.Open(Path), file => file.Dispose());
        _gate = _file.Gate;
    }

    /// <summary>The LiteDB file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public Task<CheckpointInfo> SaveAsync(CheckpointWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.KeepLast is { } keepLast) ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1, nameof(write));
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = CheckpointCodec.Encode(write.State, _compression);
        var created = _time.GetUtcNow();
        var info = new CheckpointInfo(
            Guid.CreateVersion7(created).ToString("N"), write.ThreadId, write.ParentId, write.State.Turn, created, write.Kind,
            encoded.Compression, encoded.RawSize, encoded.Stored.Length, encoded.Sha256);
        return Task.FromResult(Guarded(write.ThreadId, "saving a checkpoint", () =>
        {
            var db = _file.Database;
            // LiteDB transactions belong to the calling thread; everything below stays on it.
            db.BeginTrans();
            try
            {
                if (write.ExpectedHeadId is { } expected && ThreadInfos(write.ThreadId).LastOrDefault()?.Id is var head && head != expected)
                    throw new CheckpointConflictException(write.ThreadId, expected, head, $"'{Path}'");
                _file.Checkpoints.Insert(ToDocument(info, encoded.Stored));
                AddToCount(write.ThreadId, 1);
                if (write.KeepLast is { } keep) DeleteAllButNewest(write.ThreadId, keep);
                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
            if (_durable) db.Checkpoint();
            return info;
        }));
    }

    /// <inheritdoc />
    public Task<Checkpoint> LoadAsync(string checkpointId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guarded(null, $"loading checkpoint '{checkpointId}'", () =>
        {
            var doc = _file.Checkpoints.FindById(checkpointId) ?? throw new CheckpointNotFoundException(checkpointId, Path);
            CheckpointInfo info;
            try
            {
                info = ToInfo(doc);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new CheckpointCorruptedException(checkpointId, $"its description in '{Path}' is unreadable ({ex.Message})", FindLatestValid(null, before: null), ex);
            }
            try
            {
                return new Checkpoint(info, Decode(doc, info));
            }
            catch (InvalidDataException ex)
            {
                throw new CheckpointCorruptedException(checkpointId, $"{ex.Message} (in '{Path}')", FindPreviousValid(info), ex);
            }
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointInfo>> ListAsync(string threadId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<CheckpointInfo>>(Guarded(threadId, $"listing thread '{threadId}'", () =>
        {
            var infos = ThreadInfos(threadId);
            var saved = SavedCount(threadId);
            if (infos.Count != saved)
                throw new InvalidDataException($"thread '{threadId}' lists {infos.Count} checkpoint(s) but {saved} were saved: records or index pages are damaged");
            return infos;
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListThreadsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<string>>(Guarded(null, "listing threads", () =>
            _file.Checkpoints.Query().Select(d => d["thread"].AsString).ToList().Distinct().ToList()));
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(string threadId, int keepLast, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guarded(threadId, $"pruning thread '{threadId}'", () =>
        {
            var db = _file.Database;
            db.BeginTrans();
            try
            {
                var deleted = DeleteAllButNewest(threadId, keepLast);
                db.Commit();
                return deleted;
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }));
    }

    /// <summary>Releases the file; the last store of this process on it closes it (folding LiteDB's log into it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) OpenFileRegistry.Release(Path, _file);
    }

    /// <summary>
    /// Runs one operation under the file's lock. Anything but the store's own errors means the file is damaged: the
    /// engine is dropped (the next call reopens and re-checks the file) and the error names the newest loadable checkpoint.
    /// </summary>
    private T Guarded<T>(string? threadId, string operation, Func<T> work)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        lock (_gate)
        {
            try
            {
                return work();
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or CheckpointNotFoundException or CheckpointCorruptedException
                                                   or CheckpointStoreDamagedException or CheckpointConflictException))
            {
                _file.Close();
                string? latest = null;
                try
                {
                    latest = FindLatestValid(threadId, before: null);
                }
                catch (Exception search) when (search is not OperationCanceledException)
                {
                    _file.Close();
                }
                throw new CheckpointStoreDamagedException(Path, $"{operation} failed ({ex.GetType().Name}: {ex.Message})", latest, ex);
            }
        }
    }

    private void AddToCount(string threadId, int delta)
    {
        var threads = _file.Threads;
        var doc = threads.FindById(threadId) ?? new BsonDocument { ["_id"] = threadId, ["n"] = 0 };
        doc["n"] = doc["n"].AsInt32 + delta;
        threads.Upsert(doc);
    }

    private int SavedCount(string threadId) => _file.Threads.FindById(threadId) is { } doc ? doc["n"].AsInt32 : 0;

    private List<CheckpointInfo> ThreadInfos(string threadId) =>
        _file.Checkpoints.Query().Where(Query.EQ("thread", threadId)).Select(BsonExpression.Create("{_id, thread, parent, turn, created, kind, comp, raw, stored, sha}"))
            .ToList().Select(ToInfo).OrderBy(i => i.Turn).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    private int DeleteAllButNewest(string threadId, int keepLast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLast, 1);
        var infos = ThreadInfos(threadId);
        var doomed = infos.Take(Math.Max(0, infos.Count - keepLast)).ToList();
        foreach (var info in doomed) _file.Checkpoints.Delete(info.Id);
        if (doomed.Count > 0) AddToCount(threadId, -doomed.Count);
        return doomed.Count;
    }

    private string? FindPreviousValid(CheckpointInfo corrupted)
    {
        try
        {
            var older = ThreadInfos(corrupted.ThreadId).TakeWhile(i => i.Id != corrupted.Id).Reverse();
            foreach (var candidate in older)
            {
                try
                {
                    Decode(_file.Checkpoints.FindById(candidate.Id), candidate);
                    return candidate.Id;
                }
                catch (InvalidDataException) { }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { /* the index is damaged too */ }
        return null;
    }

    /// <summary>The newest checkpoint (of <paramref name="threadId"/> when given and it has one, else of any thread) that loads and verifies.</summary>
    private string? FindLatestValid(string? threadId, string? before)
    {
        _ = before;
        var ids = _file.Checkpoints.Query().Select("_id").ToList().Select(d => d["_id"].AsString).OrderDescending(StringComparer.Ordinal).ToList();
        string? anyThread = null;
        foreach (var id in ids) // ids are version-7 GUIDs: newest first when sorted descending
        {
            try
            {
                var doc = _file.Checkpoints.FindById(id);
                if (doc is null) continue;
                var info = ToInfo(doc);
                Decode(doc, info);
                if (threadId is null || info.ThreadId == threadId) return id;
                anyThread ??= id;
            }
            catch (Exception ex) when (ex is not OperationCanceledException) { }
        }
        return anyThread;
    }

    private static AgentState Decode(BsonDocument doc, CheckpointInfo info)
    {
        var payload = doc["payload"];
        if (!payload.IsBinary) throw new InvalidDataException("the payload is missing");
        var state = CheckpointCodec.Decode(payload.AsBinary, info.Compression, info.RawSize, info.Sha256);
        if (state.Turn != info.Turn) throw new InvalidDataException($"the record says turn {info.Turn} but its state is at turn {state.Turn}");
        return state;
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
