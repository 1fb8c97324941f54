namespace Kaizen.Agents.Llm;

/// <summary>Running totals of model usage (tokens, US dollars, calls). Thread-safe; raises <see cref="Changed"/> after each record.</summary>
public sealed class UsageMeter
{
    private readonly Lock _gate = new();
    private UsageSnapshot _total = UsageSnapshot.Zero;

    /// <summary>The totals so far.</summary>
    public UsageSnapshot Total { get { lock (_gate) return _total; } }

    /// <summary>Raised with the new totals after every recorded call.</summary>
    public event Action<UsageSnapshot>? Changed;

    /// <summary>Adds one call's usage.</summary>
    public void Record(long inputTokens, long outputTokens, decimal costUsd)
    {
        UsageSnapshot now;
        lock (_gate)
        {
            _total = new UsageSnapshot(_total.InputTokens + inputTokens, _total.OutputTokens + outputTokens, _total.CostUsd + costUsd, _total.Calls + 1);
            now = _total;
        }
        Changed?.Invoke(now);
    }

    /// <summary>Sets the totals, e.g. to the amounts a resumed thread had already spent.</summary>
    public void Reset(UsageSnapshot totals)
    {
        lock (_gate) _total = totals;
    }
}

/// <summary>Usage totals at one moment.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">US dollars.</param>
/// <param name="Calls">Model calls.</param>
public sealed record UsageSnapshot(long InputTokens, long OutputTokens, decimal CostUsd, int Calls)
{
    /// <summary>Nothing spent.</summary>
    public static UsageSnapshot Zero { get; } = new(0, 0, 0m, 0);

    /// <summary>Prompt + completion tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;
}
