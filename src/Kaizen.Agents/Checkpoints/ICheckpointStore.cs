namespace Kaizen.Agents.Checkpoints;

/// <summary>Durable storage of agent checkpoints: immutable snapshots chained by parent id into threads.</summary>
public interface ICheckpointStore : IDisposable
{
    /// <summary>Writes a checkpoint atomically (and applies retention in the same transaction) and returns its description.</summary>
    Task<CheckpointInfo> SaveAsync(CheckpointWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a checkpoint and verifies its checksum. Throws <see cref="CheckpointNotFoundException"/> for an unknown id and
    /// <see cref="CheckpointCorruptedException"/> (naming the previous valid checkpoint of the thread) when it fails verification.
    /// </summary>
    Task<Checkpoint> LoadAsync(string checkpointId, CancellationToken cancellationToken = default);

    /// <summary>The checkpoints of a thread, oldest first.</summary>
    Task<IReadOnlyList<CheckpointInfo>> ListAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>Every thread id in the store.</summary>
    Task<IReadOnlyList<string>> ListThreadsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes all but the newest <paramref name="keepLast"/> checkpoints of a thread; returns how many were deleted.</summary>
    Task<int> PruneAsync(string threadId, int keepLast, CancellationToken cancellationToken = default);
}
