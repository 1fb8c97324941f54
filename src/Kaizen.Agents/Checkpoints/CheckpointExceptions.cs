namespace Kaizen.Agents.Checkpoints;

/// <summary>No checkpoint has the requested id.</summary>
public sealed class CheckpointNotFoundException(string checkpointId, string location)
    : KeyNotFoundException($"Checkpoint '{checkpointId}' does not exist in {location}. List the thread's checkpoints with ListCheckpointsAsync(threadId).")
{
    /// <summary>The id that was asked for.</summary>
    public string CheckpointId { get; } = checkpointId;
}

/// <summary>A checkpoint failed verification (checksum mismatch, truncated or undecodable payload).</summary>
public sealed class CheckpointCorruptedException : Exception
{
    /// <summary>Creates the error for checkpoint <paramref name="checkpointId"/>.</summary>
    public CheckpointCorruptedException(string checkpointId, string detail, string? previousValidCheckpointId, Exception? inner = null)
        : base($"Checkpoint '{checkpointId}' is corrupted: {detail}. " +
               (previousValidCheckpointId is null
                   ? "No earlier valid checkpoint exists in its thread."
                   : $"Resume from the previous valid checkpoint '{previousValidCheckpointId}' instead."), inner)
    {
        CheckpointId = checkpointId;
        Detail = detail;
        PreviousValidCheckpointId = previousValidCheckpointId;
    }

    /// <summary>The corrupted checkpoint.</summary>
    public string CheckpointId { get; }

    /// <summary>What failed.</summary>
    public string Detail { get; }

    /// <summary>The newest older checkpoint of the same thread that verifies, or null.</summary>
    public string? PreviousValidCheckpointId { get; }
}

/// <summary>
/// The checkpoint file is damaged or is not a Kaizen checkpoint store. The message names the file, what is damaged and
/// what to do: the newest checkpoint that still loads (resume from it) or, when none does, to move the file aside. A file
/// refused on open is left untouched; a store that met damage later reopens the file on its next call.
/// </summary>
public sealed class CheckpointStoreDamagedException : IOException
{
    /// <summary>Creates the error.</summary>
    public CheckpointStoreDamagedException(string path, string detail, string? latestValidCheckpointId, Exception? inner = null)
        : base($"The checkpoint store '{path}' is damaged or not a Kaizen checkpoint store: {detail}. " +
               (latestValidCheckpointId is null
                   ? "No checkpoint in it could be read back. Move the file aside (keep it for inspection); the next run creates a new store at that path."
                   : $"The newest checkpoint that still loads is '{latestValidCheckpointId}': resume from it (ResumeAsync), or move the file aside to start a new store."),
            inner)
    {
        Path = path;
        Detail = detail;
        LatestValidCheckpointId = latestValidCheckpointId;
    }

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }

    /// <summary>What is damaged.</summary>
    public string Detail { get; }

    /// <summary>The newest checkpoint (of the thread asked about, else of any thread) that still loads and verifies, or null.</summary>
    public string? LatestValidCheckpointId { get; }
}

/// <summary>
/// Another run extended the thread since this run read it (optimistic concurrency on the thread's head): the save was
/// refused and nothing was written, so the thread never forks by accident. Reload the thread and resume from its newest
/// checkpoint, or fork it to continue on a new thread.
/// </summary>
public sealed class CheckpointConflictException(string threadId, string expectedHeadId, string? actualHeadId, string location)
    : InvalidOperationException(
        $"Thread '{threadId}' in {location} was extended by another run: this run expected its newest checkpoint to be " +
        $"'{expectedHeadId}' but it is {(actualHeadId is null ? "gone" : $"'{actualHeadId}'")}. Nothing was saved. Resume from the " +
        "thread's newest checkpoint (ListCheckpointsAsync) or fork this checkpoint (ForkAsync) to continue separately.")
{
    /// <summary>The thread.</summary>
    public string ThreadId { get; } = threadId;

    /// <summary>The head this run had read.</summary>
    public string ExpectedHeadId { get; } = expectedHeadId;

    /// <summary>The thread's head at the time of the save (null when the thread has no checkpoint left).</summary>
    public string? ActualHeadId { get; } = actualHeadId;
}
