using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Kaizen's chat middleware as <see cref="ChatClientBuilder"/> steps, composed in the caller's order like
/// <c>UseLogging</c> and <c>UseOpenTelemetry</c> of Microsoft.Extensions.AI: the first <c>Use</c> is the outermost.
/// Loggers come from the <c>loggerFactory</c> argument, else from the builder's services, else none.
/// </summary>
public static class KaizenChatClientBuilderExtensions
{
    /// <summary>Retries transient provider failures (<see cref="LlmProviderException.IsTransient"/>) with backoff.</summary>
    public static ChatClientBuilder UseKaizenRetry(
        this ChatClientBuilder builder, RetryOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new RetryingChatClient(
            inner, options ?? RetryOptions.Default, timeProvider, Loggers(loggerFactory, services).CreateLogger<RetryingChatClient>()));
    }

    /// <summary>Charges every response's tokens and dollars (at <paramref name="prices"/>) to <paramref name="meter"/>.</summary>
    public static ChatClientBuilder UseKaizenCost(
        this ChatClientBuilder builder, UsageMeter meter, PriceTable prices, string provider, string model, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(prices);
        return builder.Use((inner, services) => new CostTrackingChatClient(
            inner, meter, prices, provider, model, Loggers(loggerFactory, services).CreateLogger<CostTrackingChatClient>()));
    }

    /// <summary>Refuses a request once <paramref name="meter"/> has spent <paramref name="budget"/> (<see cref="BudgetExceededException"/>).</summary>
    public static ChatClientBuilder UseKaizenBudget(this ChatClientBuilder builder, UsageMeter meter, AgentBudget budget)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(budget);
        return builder.Use(inner => new BudgetGuardChatClient(inner, meter, budget));
    }

    private static ILoggerFactory Loggers(ILoggerFactory? given, IServiceProvider services) =>
        given ?? services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
