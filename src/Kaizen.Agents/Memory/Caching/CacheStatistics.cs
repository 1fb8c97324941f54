namespace Kaizen.Agents.Memory.Caching;

/// <summary>A snapshot of a hot-tier cache's counters.</summary>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups that found nothing (absent or expired).</param>
/// <param name="Evictions">Entries dropped because the cache was full.</param>
/// <param name="Expirations">Entries dropped because their time to live had passed.</param>
/// <param name="Count">Entries currently cached.</param>
/// <param name="Capacity">Most entries the cache holds.</param>
public sealed record CacheStatistics(long Hits, long Misses, long Evictions, long Expirations, int Count, int Capacity)
{
    /// <summary>Hits divided by lookups, 0 when nothing was looked up.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
