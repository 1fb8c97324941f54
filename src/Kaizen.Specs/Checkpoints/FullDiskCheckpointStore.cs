using Kaizen.Agents.Checkpoints;

namespace Kaizen.Specs.Checkpoints;

/// <summary>
/// The library's LiteDB checkpoint store on a disk that fills up: every checkpoint of a turn after
/// <paramref name="lastWritableTurn"/> fails to save, as a real write would with "no space left on device".
/// </summary>
public sealed class FullDiskCheckpointStore(string path, int lastWritableTurn) : ICheckpointStore
{
    private readonly LiteDbCheckpointStore _store = new(path);

    /// <inheritdoc />
    public Task<CheckpointInfo> SaveAsync(CheckpointWrite write, CancellationToken cancellationToken = default) =>
        write.State.Turn > lastWritableTurn
            ? throw new IOException($"No space left on device while writing the checkpoint of turn {write.State.Turn} to {path}")
            : _store.SaveAsync(write, cancellationToken);

    /// <inheritdoc />
    public Task<Checkpoint> LoadAsync(string checkpointId, CancellationToken cancellationToken = default) => _store.LoadAsync(checkpointId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointInfo>> ListAsync(string threadId, CancellationToken cancellationToken = default) => _store.ListAsync(threadId, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListThreadsAsync(CancellationToken cancellationToken = default) => _store.ListThreadsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<int> PruneAsync(string threadId, int keepLast, CancellationToken cancellationToken = default) => _store.PruneAsync(threadId, keepLast, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
