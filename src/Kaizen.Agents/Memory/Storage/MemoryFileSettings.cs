using Kaizen.Agents.Memory.Caching;

namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// The <see cref="MemoryOptions"/> that shape an open file (access mode, lock wait, commit batch): every backend of this
/// process on one file must agree on them, since the file is opened once.
/// </summary>
internal sealed record MemoryFileSettings(MemoryConcurrency Concurrency, TimeSpan LockTimeout, int MaxGroupCommitBatch)
{
    public static MemoryFileSettings Of(MemoryLocation location, MemoryOptions options) =>
        new(location.Concurrency, options.LockTimeout, options.MaxGroupCommitBatch);
}

/// <summary>
/// The <see cref="MemoryOptions"/> that shape one session's shared state (hot cache, warm window, move log, clock):
/// every backend of this process on one session must agree on them.
/// </summary>
internal sealed record MemorySessionSettings(
    int HotTierSize, EvictionPolicy HotTierEvictionPolicy, TimeSpan? HotTierTimeToLive, int WarmTierSize, int TierMoveLogCapacity, TimeProvider TimeProvider)
{
    public static MemorySessionSettings Of(MemoryOptions options) =>
        new(options.HotTierSize, options.HotTierEvictionPolicy, options.HotTierTimeToLive, options.WarmTierSize, options.TierMoveLogCapacity, options.TimeProvider);
}
