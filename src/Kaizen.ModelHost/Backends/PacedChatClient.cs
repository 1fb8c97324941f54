using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Backends;

/// <summary>Waits <paramref name="delay"/> (cancellably) before each streamed update of the inner client: a slow model for cancellation tests.</summary>
internal sealed class PacedChatClient(IChatClient inner, TimeSpan delay) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            yield return update;
        }
    }
}
