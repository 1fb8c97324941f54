using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Middleware that prices every call from its reported token usage (<see cref="PriceTable"/>) and adds it to a
/// <see cref="UsageMeter"/>. A model with no known price is counted at $0 with a warning logged once.
/// </summary>
public sealed class CostTrackingChatClient : DelegatingChatClient
{
    private readonly UsageMeter _meter;
    private readonly ModelPrice _price;

    /// <summary>Wraps <paramref name="inner"/>, charging <paramref name="provider"/>/<paramref name="model"/> prices to <paramref name="meter"/>.</summary>
    public CostTrackingChatClient(IChatClient inner, UsageMeter meter, PriceTable prices, string provider, string model, ILogger? logger = null)
        : base(inner)
    {
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        var price = prices.Find(provider, model);
        if (price is null)
            (logger ?? NullLogger.Instance).LogWarning("No price known for {Provider}/{Model}: its calls are counted at $0. Add one with PriceTable.With(...).", provider, model);
        _price = price ?? ModelPrice.Free;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Charge(response.Usage);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents.OfType<UsageContent>()) (usage ??= new UsageDetails()).Add(content.Details);
            yield return update;
        }
        Charge(usage);
    }

    private void Charge(UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        _meter.Record(input, output, _price.Cost(input, output));
    }
}
