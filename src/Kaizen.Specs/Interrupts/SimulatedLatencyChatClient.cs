using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Specs.Interrupts;

/// <summary>
/// Moves a fake clock on by a fixed time for every reply of the real model behind it, so that a time limit is reached
/// after a known number of turns without waiting. The reply itself is the model's own.
/// </summary>
public sealed class SimulatedLatencyChatClient(IChatClient inner, FakeTimeProvider clock, TimeSpan perReply) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        clock.Advance(perReply);
        return response;
    }
}
