namespace Kaizen.Agents.Memory.Tiers;

/// <summary>The three memory tiers.</summary>
public enum MemoryTier
{
    /// <summary>The newest turns, cached in process.</summary>
    Hot,

    /// <summary>The sliding window of recent turns plus promoted ones; what the prompt carries.</summary>
    Warm,

    /// <summary>Everything else; reached by similarity search.</summary>
    Cold,
}
