using Kaizen.Agents.Memory.Caching;

namespace Kaizen.Agents.Memory.Tiers;

/// <summary>Where a session's turns are now and what moved between tiers.</summary>
/// <param name="TotalTurns">Stored turns of the session.</param>
/// <param name="HotTurns">Turns in the hot-tier cache.</param>
/// <param name="WarmTurns">Turns in the warm set (window plus promoted).</param>
/// <param name="ColdTurns">Turns only reachable by search.</param>
/// <param name="Promotions">Turns moved cold to warm since the backend opened the session.</param>
/// <param name="Demotions">Turns moved warm to cold since the backend opened the session.</param>
/// <param name="RecentMoves">The latest moves, oldest first (bounded by <c>MemoryOptions.TierMoveLogCapacity</c>).</param>
/// <param name="HotTier">Hot-tier cache statistics.</param>
public sealed record MemoryTierSummary(
    long TotalTurns,
    int HotTurns,
    int WarmTurns,
    long ColdTurns,
    long Promotions,
    long Demotions,
    IReadOnlyList<TierMove> RecentMoves,
    CacheStatistics HotTier);
