namespace Kaizen.Agents.Memory.Caching;

/// <summary>Which entry a full <see cref="HotTierCache{TKey, TValue}"/> drops to make room.</summary>
public enum EvictionPolicy
{
    /// <summary>Least recently used: the entry read or written longest ago.</summary>
    Lru,

    /// <summary>Least frequently used: the entry with the fewest reads (ties: least recently used).</summary>
    Lfu,

    /// <summary>First in, first out: the entry cached longest ago, regardless of reads.</summary>
    Fifo,
}
