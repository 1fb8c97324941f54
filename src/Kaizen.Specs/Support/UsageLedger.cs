using System.Text.Json;
using Kaizen.Agents.Llm;

namespace Kaizen.Specs.Support;

/// <summary>The model calls of one scenario: tokens, cost and models, summed across every agent of the scenario.</summary>
public sealed class UsageLedger
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _models = new(StringComparer.Ordinal);
    private UsageSnapshot _total = UsageSnapshot.Zero;
    private long _reusedInputTokens;

    /// <summary>The models called so far, comma separated.</summary>
    public string Models { get { lock (_gate) return string.Join(", ", _models); } }

    /// <summary>The totals so far.</summary>
    public UsageSnapshot Total { get { lock (_gate) return _total; } }

    /// <summary>Input tokens the provider took from its KV cache instead of evaluating them (the local model reports them).</summary>
    public long ReusedInputTokens { get { lock (_gate) return _reusedInputTokens; } }

    /// <summary>Records one model call.</summary>
    public void Record(string model, long inputTokens, long outputTokens, decimal costUsd, long reusedInputTokens = 0)
    {
        lock (_gate)
        {
            _models.Add(model);
            _reusedInputTokens += reusedInputTokens;
            _total = new UsageSnapshot(_total.InputTokens + inputTokens, _total.OutputTokens + outputTokens, _total.CostUsd + costUsd, _total.Calls + 1);
        }
    }

    /// <summary>The body of the living doc's <c>application/vnd.kaizen.llm-usage+json</c> attachment (see docs/living-doc.md).</summary>
    public string ToAttachmentJson()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(new
            {
                inputTokens = _total.InputTokens,
                outputTokens = _total.OutputTokens,
                costUsd = _total.CostUsd,
                model = string.Join(", ", _models),
                calls = _total.Calls,
            });
        }
    }
}
