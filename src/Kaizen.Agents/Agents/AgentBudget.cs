namespace Kaizen.Agents;

/// <summary>Spending limits for a run (its whole thread, across resumes). Either limit may be left null.</summary>
/// <param name="MaxCostUsd">Most US dollars the thread may spend.</param>
/// <param name="MaxTokens">Most tokens (prompt + completion) the thread may spend.</param>
public sealed record AgentBudget(decimal? MaxCostUsd = null, long? MaxTokens = null)
{
    /// <summary>No limit.</summary>
    public static AgentBudget Unlimited { get; } = new();

    /// <summary>True when neither limit is set.</summary>
    public bool IsUnlimited => MaxCostUsd is null && MaxTokens is null;

    /// <summary>Describes how <paramref name="usage"/> exceeds the budget, or null when it does not.</summary>
    public string? DescribeExcess(Llm.UsageSnapshot usage)
    {
        if (MaxCostUsd is { } usd && usage.CostUsd >= usd) return $"budget exceeded: spent ${usage.CostUsd:0.######} of ${usd:0.######}";
        if (MaxTokens is { } tokens && usage.TotalTokens >= tokens) return $"budget exceeded: spent {usage.TotalTokens} of {tokens} tokens";
        return null;
    }
}
