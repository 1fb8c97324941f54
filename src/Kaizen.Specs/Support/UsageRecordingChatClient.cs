using System.Runtime.CompilerServices;
using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Support;

/// <summary>
/// Middleware that copies the usage of every response into the scenario's <see cref="UsageLedger"/> and the exchange
/// into its <see cref="ModelTranscript"/>.
/// </summary>
public sealed class UsageRecordingChatClient(IChatClient inner, UsageLedger ledger, ModelTranscript transcript, ModelPrice price, string model)
    : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var response = await base.GetResponseAsync(sent, options, cancellationToken);
        Record(response.Usage);
        transcript.Record(sent, options, response);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        var updates = new List<ChatResponseUpdate>();
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(sent, options, cancellationToken))
        {
            foreach (var content in update.Contents.OfType<UsageContent>()) usage = content.Details;
            updates.Add(update);
            yield return update;
        }
        Record(usage);
        transcript.Record(sent, options, updates.ToChatResponse());
    }

    private void Record(UsageDetails? usage)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        var reused = usage?.AdditionalCounts?.GetValueOrDefault(LocalGenerationStats.ReusedPromptTokensKey) ?? 0;
        ledger.Record(model, input, output, price.Cost(input, output), reused);
    }
}
