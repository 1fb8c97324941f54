using Kaizen.Agents;
using Kaizen.Agents.Llm;

namespace Kaizen.Specs.Support;

/// <summary>
/// Whether the real model a run was asked for can be reached, checked once per test run: an opt-in real-model run
/// without its server skips every scenario that needs it with one line saying why, instead of failing each one.
/// </summary>
public static class ModelServerCheck
{
    private static readonly Lazy<Task<string?>> OllamaProblem = new(CheckOllamaAsync);

    /// <summary>Null when <paramref name="provider"/> can be used, else the reason it cannot.</summary>
    public static Task<string?> ProblemAsync(ModelProvider provider) => provider.IsScripted ? Task.FromResult<string?>(null) : ProblemOfConfiguredAsync();

    private static Task<string?> ProblemOfConfiguredAsync() => ModelProvider.Configured switch
    {
        LlmProviders.Ollama => OllamaProblem.Value,
        LlmProviders.OpenAI when string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_API_KEY")) =>
            Task.FromResult<string?>("OPENAI_API_KEY is not set: export it to run the scenarios on OpenAI."),
        _ => Task.FromResult<string?>(null),
    };

    private static async Task<string?> CheckOllamaAsync()
    {
        var config = new AutonomousConfig { Provider = ModelProvider.Configured, Model = ModelProvider.ConfiguredModel };
        var probe = await OllamaProbe.CheckAsync(config.EffectiveEndpoint ?? AutonomousConfig.DefaultOllamaEndpoint, config.Model);
        return probe.Ready ? null : probe.Message;
    }
}
