using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kaizen.Agents;

/// <summary>Registers an <see cref="AutonomousAgent"/> with dependency injection.</summary>
public static class KaizenServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="AutonomousAgent"/> singleton, built by an <see cref="AgentBuilder"/> from
    /// <see cref="KaizenAgentOptions"/> and the container's <see cref="IChatClient"/> (e.g. from <c>services.AddChatClient(...)</c>),
    /// <see cref="ILoggerFactory"/> and <see cref="TimeProvider"/> when registered; <paramref name="configure"/> adds the
    /// rest (memory, tools, approvals…) and may override any of them. The container disposes the agent.
    /// </summary>
    public static IServiceCollection AddKaizenAgent(this IServiceCollection services, Action<AgentBuilder, IServiceProvider>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KaizenAgentOptions>();
        services.TryAddSingleton(provider =>
        {
            var builder = new AgentBuilder(provider.GetRequiredService<IOptions<KaizenAgentOptions>>().Value.Config);
            if (provider.GetService<IChatClient>() is { } chatClient) builder.UseChatClient(chatClient);
            if (provider.GetService<ILoggerFactory>() is { } loggers) builder.UseLoggerFactory(loggers);
            if (provider.GetService<TimeProvider>() is { } time) builder.UseTimeProvider(time);
            configure?.Invoke(builder, provider);
            return builder.Build();
        });
        return services;
    }

    /// <summary>As <see cref="AddKaizenAgent(IServiceCollection, Action{AgentBuilder, IServiceProvider})"/>, for a configuration that needs no services.</summary>
    public static IServiceCollection AddKaizenAgent(this IServiceCollection services, Action<AgentBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddKaizenAgent((builder, _) => configure(builder));
    }
}
