namespace Kaizen.Agents.Checkpoints;

/// <summary>What a checkpoint is, without its state: cheap to list.</summary>
/// <param name="Id">Unique, time-ordered id.</param>
/// <param name="ThreadId">The run chain it belongs to; a fork starts a new thread.</param>
/// <param name="ParentId">The checkpoint it follows (the previous one of the thread, or the forked one), or null for the first.</param>
/// <param name="Turn">Turns completed when it was taken.</param>
/// <param name="CreatedAt">When it was taken.</param>
/// <param name="Kind">Why it was taken.</param>
/// <param name="Compression">How the state is stored.</param>
/// <param name="RawSize">Bytes of the serialized state before compression.</param>
/// <param name="StoredSize">Bytes actually stored.</param>
/// <param name="Sha256">SHA-256 (hex) of the serialized state, checked on every load.</param>
public sealed record CheckpointInfo(
    string Id,
    string ThreadId,
    string? ParentId,
    int Turn,
    DateTimeOffset CreatedAt,
    CheckpointKind Kind,
    CheckpointCompression Compression,
    long RawSize,
    long StoredSize,
    string Sha256)
{
    /// <summary>Stored size as a fraction of the raw size (1 when uncompressed).</summary>
    public double CompressionRatio => RawSize == 0 ? 1 : (double)StoredSize / RawSize;
}

/// <summary>A checkpoint with its state.</summary>
/// <param name="Info">Its description.</param>
/// <param name="State">The agent state it holds.</param>
public sealed record Checkpoint(CheckpointInfo Info, AgentState State);

/// <summary>Why a checkpoint was taken.</summary>
public enum CheckpointKind
{
    /// <summary>Every <c>CheckpointInterval</c> turns.</summary>
    Auto,
    /// <summary>Asked for by code (<c>CreateCheckpointAsync</c>).</summary>
    Manual,
    /// <summary>Taken while stopping on an interrupt.</summary>
    Interrupt,
    /// <summary>Taken when the run ended (completion or max turns).</summary>
    Final,
    /// <summary>First checkpoint of a forked thread.</summary>
    Fork,
    /// <summary>Taken when the run failed, holding the last consistent state.</summary>
    Error,
}

/// <summary>How checkpoint states are compressed.</summary>
public enum CheckpointCompression
{
    /// <summary>Stored as serialized.</summary>
    None = 0,
    /// <summary>Brotli (System.IO.Compression).</summary>
    Brotli = 1,
    /// <summary>Zstandard (ZstdSharp).</summary>
    Zstd = 2,
    /// <summary>
    /// Chosen per checkpoint: Brotli at its best quality for small states (its built-in dictionary of common words and
    /// JSON fragments wins where a state is too short to teach a compressor much; about 3 ms for a 2.5 KB state), Zstandard
    /// above <see cref="CheckpointCodec.SmallStateBytes"/> (well under a millisecond on large states).
    /// A stored checkpoint records the algorithm actually used, never <c>Auto</c>.
    /// </summary>
    Auto = 3,
}

/// <summary>A checkpoint to write.</summary>
/// <param name="ThreadId">The thread it extends.</param>
/// <param name="ParentId">The checkpoint it follows, or null.</param>
/// <param name="Kind">Why it is taken.</param>
/// <param name="State">The state to store.</param>
/// <param name="KeepLast">Retention: after writing, keep only this many newest checkpoints of the thread (null keeps all). Applied in the same transaction.</param>
public sealed record CheckpointWrite(string ThreadId, string? ParentId, CheckpointKind Kind, AgentState State, int? KeepLast = null)
{
    /// <summary>
    /// Optimistic concurrency on the thread's head: when set, the save fails with <see cref="CheckpointConflictException"/>
    /// unless the thread's newest checkpoint is still this id (checked in the save's transaction), so two runs resuming the
    /// same thread cannot both extend it. Null skips the check.
    /// </summary>
    public string? ExpectedHeadId { get; init; }
}
