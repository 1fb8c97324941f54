using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>Middleware that refuses a call once the <see cref="UsageMeter"/> has reached the budget.</summary>
public sealed class BudgetGuardChatClient(IChatClient inner, UsageMeter meter, AgentBudget budget) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check();
        return base.GetResponseAsync(messages, options, cancellationToken);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check();
        return base.GetStreamingResponseAsync(messages, options, cancellationToken);
    }

    private void Check()
    {
        if (budget.DescribeExcess(meter.Total) is { } excess) throw new BudgetExceededException(excess);
    }
}

/// <summary>A model call was refused because the budget is spent.</summary>
public sealed class BudgetExceededException(string message) : InvalidOperationException(message);
