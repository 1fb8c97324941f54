namespace Kaizen.Agents.Memory.Caching;

/// <summary>Keeps cache entries in the order an eviction policy drops them.</summary>
internal interface IEvictionOrder<TKey, TValue>
{
    void Added(CacheEntry<TKey, TValue> entry);
    void Accessed(CacheEntry<TKey, TValue> entry);
    void Removed(CacheEntry<TKey, TValue> entry);
    CacheEntry<TKey, TValue> Victim();
    void Clear();

    static IEvictionOrder<TKey, TValue> For(EvictionPolicy policy) => policy switch
    {
        EvictionPolicy.Lru => new RecencyOrder<TKey, TValue>(moveOnAccess: true),
        EvictionPolicy.Fifo => new RecencyOrder<TKey, TValue>(moveOnAccess: false),
        EvictionPolicy.Lfu => new FrequencyOrder<TKey, TValue>(),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown eviction policy."),
    };
}
