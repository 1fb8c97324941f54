namespace Kaizen.Agents.Memory.Tiers;

/// <summary>One turn moving between tiers.</summary>
/// <param name="TurnId">The turn's id.</param>
/// <param name="Sequence">The turn's sequence number.</param>
/// <param name="From">Tier it left.</param>
/// <param name="To">Tier it entered.</param>
/// <param name="Reason">Why: <see cref="TierMoveReason"/>.</param>
public sealed record TierMove(string TurnId, long Sequence, MemoryTier From, MemoryTier To, TierMoveReason Reason);

/// <summary>Why a turn changed tier.</summary>
public enum TierMoveReason
{
    /// <summary>Newer turns pushed it out of the warm window.</summary>
    LeftWarmWindow,

    /// <summary>A cold search returned it.</summary>
    Retrieved,

    /// <summary>The caller reinforced it explicitly (<c>PromoteAsync</c>).</summary>
    Reinforced,

    /// <summary>It was promoted, then newer turns or newer promotions pushed it back out.</summary>
    PromotionExpired,
}
