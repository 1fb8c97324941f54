using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OllamaSharp;
using OpenAI;

namespace Kaizen.Agents.Llm;

/// <summary>Builds chat clients and embedding generators from an <see cref="AutonomousConfig"/>, and the agent's middleware pipeline.</summary>
public static class LlmFactory
{
    /// <summary>
    /// The provider's raw client: <c>scripted</c> the endless "keep working" script of the Kaizen.Agents.Testing package
    /// (see <see cref="RegisterScriptedProvider"/>), <c>ollama</c> an OllamaSharp client with diagnostics,
    /// <c>openai</c> the OpenAI client (key from <see cref="AutonomousConfig.ApiKey"/>), <c>local</c> the in-process model registered
    /// by the Kaizen.Agents.LocalModel package (see <see cref="RegisterLocalProvider"/>).
    /// </summary>
    public static IChatClient CreateChatClient(AutonomousConfig config, HttpClient? httpClient = null)
    {
        config.Validate();
        return config.Provider switch
        {
            LlmProviders.Scripted => ProviderPackages.Resolve(LlmProviders.Scripted, "Kaizen.Agents.Testing",
                "Provider 'scripted' needs the Kaizen.Agents.Testing package: reference it (it registers itself), or pass your own client.")(config),
            LlmProviders.Ollama => new OllamaDiagnosticsChatClient(CreateOllama(config, httpClient), config.EffectiveEndpoint!, config.Model),
            LlmProviders.OpenAI => OpenAIChat(config, null),
            LlmProviders.Local => ProviderPackages.Resolve(LlmProviders.Local, "Kaizen.Agents.LocalModel",
                "Provider 'local' needs the Kaizen.Agents.LocalModel package: reference it (it registers itself, or call " +
                "LocalModelProvider.Register()), or pass your own client in AgentServices.ChatClient.")(config),
            _ => throw new ArgumentException($"Unknown provider '{config.Provider}'.", nameof(config)),
        };
    }

    /// <summary>
    /// Sets how the <c>local</c> provider's chat client is built. Kaizen.Agents has no native dependency, so the
    /// in-process model lives in the Kaizen.Agents.LocalModel package, which registers itself here when its assembly is
    /// deployed with the application (or when <c>LocalModelProvider.Register()</c> is called).
    /// </summary>
    public static void RegisterLocalProvider(Func<AutonomousConfig, IChatClient> factory) => ProviderPackages.Register(LlmProviders.Local, factory);

    /// <summary>
    /// Sets how the <c>scripted</c> provider's chat client is built. The scripted test double lives in the
    /// Kaizen.Agents.Testing package, which registers itself here when its assembly is deployed with the application.
    /// </summary>
    public static void RegisterScriptedProvider(Func<AutonomousConfig, IChatClient> factory) => ProviderPackages.Register(LlmProviders.Scripted, factory);

    /// <summary>An embedding generator for the provider (<paramref name="model"/> defaults to the chat model for Ollama, <c>text-embedding-3-small</c> for OpenAI).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddingGenerator(AutonomousConfig config, string? model = null, HttpClient? httpClient = null)
    {
        config.Validate();
        return config.Provider switch
        {
            LlmProviders.Scripted => new Memory.Embeddings.HashingEmbeddingGenerator(),
            LlmProviders.Ollama => CreateOllama(config with { Model = model ?? config.Model }, httpClient),
            LlmProviders.OpenAI => CreateOpenAI(config).GetEmbeddingClient(model ?? "text-embedding-3-small").AsIEmbeddingGenerator(),
            LlmProviders.Local => throw new NotSupportedException("Provider 'local' has no embedding generator: pass one to the memory backend (or use the ollama or openai provider for embeddings)."),
            _ => throw new ArgumentException($"Unknown provider '{config.Provider}'.", nameof(config)),
        };
    }

    /// <summary>
    /// Wraps <paramref name="inner"/> in the agent's middleware, outermost first: budget guard, cost tracking, retry
    /// (each a <see cref="KaizenChatClientBuilderExtensions"/> step; compose your own order with those directly).
    /// </summary>
    public static IChatClient BuildPipeline(IChatClient inner, AutonomousConfig config, UsageMeter meter, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        var pipeline = new ChatClientBuilder(inner);
        if (!config.Budget.IsUnlimited) pipeline.UseKaizenBudget(meter, config.Budget);
        pipeline.UseKaizenCost(meter, config.Prices, config.Provider, config.Model, loggers);
        if (config.MaxAttempts > 1) pipeline.UseKaizenRetry(RetryOptions.Default with { MaxAttempts = config.MaxAttempts }, timeProvider, loggers);
        return pipeline.Build();
    }

    private static OllamaApiClient CreateOllama(AutonomousConfig config, HttpClient? httpClient)
    {
        var endpoint = new Uri(config.EffectiveEndpoint!);
        // Small models on a CPU can take minutes for a long prompt; HttpClient's 100 s default is too short.
        var http = httpClient ?? new HttpClient(new OllamaErrorBodyHandler(new SocketsHttpHandler(), config.EffectiveEndpoint)) { Timeout = config.RequestTimeout };
        http.BaseAddress ??= endpoint;
        return new OllamaApiClient(http, config.Model);
    }

    /// <summary>An OpenAI-compatible chat client with an explicit key (instead of <see cref="AutonomousConfig.ApiKey"/>).</summary>
    public static IChatClient CreateOpenAIChatClient(AutonomousConfig config, string apiKey) => OpenAIChat(config, apiKey);

    private static IChatClient OpenAIChat(AutonomousConfig config, string? apiKey) =>
        new OpenAIDiagnosticsChatClient(CreateOpenAI(config, apiKey).GetChatClient(config.Model).AsIChatClient(),
            config.EffectiveEndpoint ?? OpenAIDiagnosticsChatClient.PublicEndpoint);

    private static OpenAIClient CreateOpenAI(AutonomousConfig config, string? apiKey = null)
    {
        var key = apiKey ?? config.ApiKey?.Value;
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException(
                "The openai provider needs an API key: set AutonomousConfig.ApiKey, or start from AutonomousConfig.FromEnvironment() with OPENAI_API_KEY set.");
        var options = new OpenAIClientOptions
        {
            // One retry bound for every provider: RetryingChatClient (AutonomousConfig.MaxAttempts), not the SDK's own on top of it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = config.RequestTimeout,
        };
        if (config.EffectiveEndpoint is { } endpoint) options.Endpoint = new Uri(endpoint);
        return new OpenAIClient(new ApiKeyCredential(key), options);
    }
}
