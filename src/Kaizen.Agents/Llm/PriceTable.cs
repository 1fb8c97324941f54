namespace Kaizen.Agents.Llm;

/// <summary>Price of one model in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">Per million prompt tokens.</param>
/// <param name="OutputPerMillion">Per million completion tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>A free model (local Ollama, scripted).</summary>
    public static ModelPrice Free { get; } = new(0m, 0m);

    /// <summary>The cost of one call.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}

/// <summary>
/// Model prices by provider and model id. Ollama and the scripted model are free whatever the model; OpenAI
/// models are looked up by exact id, then by the longest known prefix (so dated ids like <c>gpt-4o-mini-2024-07-18</c> match).
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, ModelPrice> _prices;

    /// <summary>Creates a table from <paramref name="prices"/> keyed <c>provider/model</c> (e.g. <c>openai/gpt-4o-mini</c>).</summary>
    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices) =>
        _prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);

    /// <summary>Published OpenAI list prices (USD per 1M tokens) at the time of writing; override with <see cref="With"/>.</summary>
    public static PriceTable Default { get; } = new(new Dictionary<string, ModelPrice>
    {
        ["openai/gpt-4o-mini"] = new(0.15m, 0.60m),
        ["openai/gpt-4o"] = new(2.50m, 10.00m),
        ["openai/gpt-4.1-nano"] = new(0.10m, 0.40m),
        ["openai/gpt-4.1-mini"] = new(0.40m, 1.60m),
        ["openai/gpt-4.1"] = new(2.00m, 8.00m),
    });

    /// <summary>A copy of this table with one price added or replaced.</summary>
    public PriceTable With(string provider, string model, ModelPrice price)
    {
        var copy = new Dictionary<string, ModelPrice>(_prices, StringComparer.OrdinalIgnoreCase) { [$"{provider}/{model}"] = price };
        return new PriceTable(copy);
    }

    /// <summary>The price of a model, or null when unknown. Ollama, local and scripted models cost nothing unless priced explicitly.</summary>
    public ModelPrice? Find(string provider, string model)
    {
        if (_prices.TryGetValue($"{provider}/{model}", out var exact)) return exact;
        var prefix = _prices.Keys
            .Where(k => $"{provider}/{model}".StartsWith(k, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(k => k.Length).FirstOrDefault();
        if (prefix is not null) return _prices[prefix];
        return provider is LlmProviders.Ollama or LlmProviders.Scripted or LlmProviders.Local ? ModelPrice.Free : null;
    }
}
