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
