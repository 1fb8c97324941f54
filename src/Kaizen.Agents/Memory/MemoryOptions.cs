using Kaizen.Agents.Memory.Caching;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Memory;

/// <summary>Tier sizes, durability, concurrency and retrieval settings of a memory backend.</summary>
public sealed class MemoryOptions
{
    /// <summary>Capacity of the in-process hot-tier cache, in turns. Default 10.</summary>
    public int HotTierSize { get; set; } = 10;

    /// <summary>Which cached turn the hot tier drops when it is full. Default <see cref="EvictionPolicy.Lru"/>.</summary>
    public EvictionPolicy HotTierEvictionPolicy { get; set; } = EvictionPolicy.Lru;

    /// <summary>How long a turn stays in the hot-tier cache after it was cached; <c>null</c> (default) means no expiry.</summary>
    public TimeSpan? HotTierTimeToLive { get; set; }

    /// <summary>Number of newest turns that form the warm window. Older turns are cold. Default 50.</summary>
    public int WarmTierSize { get; set; } = 50;

    /// <summary>When a stored turn is on disk. Default <see cref="MemoryDurability.PerTurn"/>.</summary>
    public MemoryDurability Durability { get; set; } = MemoryDurability.PerTurn;

    /// <summary>Who else may use the database file. Default <see cref="MemoryConcurrency.SingleProcess"/>.</summary>
    public MemoryConcurrency Concurrency { get; set; } = MemoryConcurrency.SingleProcess;

    /// <summary>
    /// Embeds turns and queries for cold search. <c>null</c> (default) uses the built-in deterministic
    /// <see cref="Embeddings.HashingEmbeddingGenerator"/> (words, not meaning), which embeds at write time. Any other
    /// generator is a model: turns are stored without a vector and embedded in batches by the next cold search.
    /// For retrieval by meaning reference <c>Kaizen.Agents.Embeddings.MiniLM</c> and call <c>options.UseMiniLM()</c>;
    /// see <see cref="Embeddings.MemoryEmbedders"/> for Ollama. A session keeps the embedder it was created with
    /// (<see cref="EmbedderMismatchException"/> otherwise; <see cref="Reembedding.MemoryReembedder"/> converts a store).
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; set; }

    /// <summary>Vector length of the built-in embedder (ignored when <see cref="EmbeddingGenerator"/> is set). Default 256.</summary>
    public int EmbeddingDimensions { get; set; } = 256;

    /// <summary>Whether a cold turn returned by <c>SearchColdAsync</c> is promoted back into the warm set. Default true.</summary>
    public bool PromoteOnRetrieval { get; set; } = true;

    /// <summary>Which turns <c>SearchColdAsync</c> considers. Default <see cref="ColdSearchScope.AllTurns"/>.</summary>
    public ColdSearchScope ColdSearchScope { get; set; } = ColdSearchScope.AllTurns;

    /// <summary>Clock for timestamps and hot-tier expiry. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long to wait for another process to release the database file before failing. Default 60 s.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest accepted turn content in UTF-8 bytes. Default 8 MiB (LiteDB documents are limited to 16 MiB).</summary>
    public int MaxContentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most writes committed together in <see cref="MemoryDurability.GroupCommit"/> mode. Default 4096.</summary>
    public int MaxGroupCommitBatch { get; set; } = 4096;

    /// <summary>How many recent tier moves each session keeps for <c>GetTierSummary</c>. Default 256.</summary>
    public int TierMoveLogCapacity { get; set; } = 256;

    internal void Validate()
    {
        Require(HotTierSize > 0, nameof(HotTierSize), "must be at least 1");
        Require(WarmTierSize > 0, nameof(WarmTierSize), "must be at least 1");
        Require(EmbeddingDimensions >= 8, nameof(EmbeddingDimensions), "must be at least 8");
        Require(MaxContentBytes > 0, nameof(MaxContentBytes), "must be positive");
        Require(MaxGroupCommitBatch > 0, nameof(MaxGroupCommitBatch), "must be positive");
        Require(TierMoveLogCapacity >= 0, nameof(TierMoveLogCapacity), "must not be negative");
        Require(HotTierTimeToLive is null || HotTierTimeToLive > TimeSpan.Zero, nameof(HotTierTimeToLive), "must be positive or null");
        Require(LockTimeout > TimeSpan.Zero, nameof(LockTimeout), "must be positive");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition) throw new ArgumentOutOfRangeException(name, $"MemoryOptions.{name} {rule}.");
    }
}

/// <summary>When a stored turn reaches the disk.</summary>
public enum MemoryDurability
{
    /// <summary>Every <c>StoreTurnAsync</c> is its own durable LiteDB commit (about 2 ms on a file).</summary>
    PerTurn,

    /// <summary>
    /// Group commit: writes queued while a commit is running are committed together in one transaction.
    /// Each call still returns only after its turn is durable, so nothing acknowledged is lost on a crash;
    /// throughput rises with the number of concurrent writers.
    /// </summary>
    GroupCommit,
}

/// <summary>Who may use one database file at the same time.</summary>
public enum MemoryConcurrency
{
    /// <summary>
    /// One process keeps the file open (guarded by an exclusive lock file) and serialises every write of every
    /// backend on that file through one writer queue. Fastest; reads of the hot tier are served from memory.
    /// </summary>
    SingleProcess,

    /// <summary>
    /// Several processes share the file: each operation takes a cross-process lock file, opens the database,
    /// works and closes it. Slower per operation; every process must use this mode.
    /// </summary>
    MultiProcess,
}

/// <summary>Which turns a cold search considers.</summary>
public enum ColdSearchScope
{
    /// <summary>Every stored turn of the session.</summary>
    AllTurns,

    /// <summary>Only turns outside the warm set (older than the warm window and not promoted), so results never repeat the prompt's warm turns.</summary>
    ColdOnly,
}
