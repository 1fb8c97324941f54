using Kaizen.Agents.Llm;

namespace Kaizen.Agents;

public sealed partial record AutonomousConfig
{
    /// <summary>Provider name (<see cref="Provider"/>).</summary>
    public const string ProviderVariable = "KAIZEN_LLM_PROVIDER";

    /// <summary>Ollama address, as <c>ollama serve</c> takes it (<c>host:port</c> or a URL).</summary>
    public const string OllamaHostVariable = "OLLAMA_HOST";

    /// <summary>OpenAI-compatible endpoint.</summary>
    public const string OpenAIBaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>OpenAI API key.</summary>
    public const string OpenAIApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>
    /// The defaults with what the process environment sets: <c>KAIZEN_LLM_PROVIDER</c>, <c>OLLAMA_HOST</c> (Ollama),
    /// <c>OPENAI_BASE_URL</c> and <c>OPENAI_API_KEY</c> (OpenAI). The one place the library reads configuration from the
    /// environment; refine the result with <c>with { … }</c>.
    /// </summary>
    public static AutonomousConfig FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="FromEnvironment()"/>, with the variables read through <paramref name="variable"/> (tests, other sources).</summary>
    public static AutonomousConfig FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Read(string name) => variable(name) is { Length: > 0 } value ? value.Trim() : null;

        var config = new AutonomousConfig();
        if (Read(ProviderVariable) is { } provider) config = config with { Provider = provider.ToLowerInvariant() };
        var endpoint = config.Provider switch
        {
            LlmProviders.Ollama => NormalizeOllamaHost(Read(OllamaHostVariable)),
            LlmProviders.OpenAI => Read(OpenAIBaseUrlVariable),
            _ => null,
        };
        if (endpoint is not null) config = config with { Endpoint = endpoint };
        if (config.Provider == LlmProviders.OpenAI && Read(OpenAIApiKeyVariable) is { } key) config = config with { ApiKey = new ProviderApiKey(key) };
        return config;
    }
}
