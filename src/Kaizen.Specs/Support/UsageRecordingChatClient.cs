using System.Runtime.CompilerServices;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Support;

/// <summary>Middleware that copies the usage of every response into the scenario's <see cref="UsageLedger"/>.</summary>
public sealed class UsageRecordingChatClient(IChatClient inner, UsageLedger ledger, ModelPrice price, string model) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Record(response.Usage);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
            yield return update;
        }
        Record(usage);
    }

    private void Record(UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        ledger.Record(model, input, output, price.Cost(input, output));
    }
}
