using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Support;

/// <summary>
/// Which model a scenario talks to. The configured provider (<c>KAIZEN_LLM_PROVIDER</c>, default <c>local</c>: the
/// TinyLlama model in process, one instance for the whole test run) serves every scenario, except those tagged
/// <c>@scripted-model</c>: they need a reply no real model gives on demand (a run of exactly ten turns, a malformed
/// reply, a priced model) and always get the scripted model. <c>KAIZEN_LLM_PROVIDER=scripted</c> runs everything on the
/// scripted model (the quick run). Every chat client handed out records its usage and exchanges for the scenario.
/// </summary>
public sealed class ModelProvider(UsageLedger ledger, ModelTranscript transcript, ScenarioContext scenario)
{
    /// <summary>The tag of scenarios that always run on the scripted model.</summary>
    public const string ScriptedModelTag = "scripted-model";

    /// <summary>The provider of the test run: <c>KAIZEN_LLM_PROVIDER</c>, lower case, else <c>local</c>.</summary>
    public static string Configured { get; } = Environment.GetEnvironmentVariable("KAIZEN_LLM_PROVIDER") is { Length: > 0 } name
        ? name.Trim().ToLowerInvariant()
        : LlmProviders.Local;

    /// <summary>The model of the configured provider (<c>KAIZEN_LLM_MODEL</c> for Ollama and OpenAI).</summary>
    public static string ConfiguredModel { get; } = Configured switch
    {
        LlmProviders.Local => LocalModelOptions.DefaultModelId,
        LlmProviders.Scripted => "scripted",
        _ => Environment.GetEnvironmentVariable("KAIZEN_LLM_MODEL") is { Length: > 0 } model ? model.Trim() : AutonomousConfig.DefaultModel,
    };

    /// <summary>True when the scenario is tagged <c>@scripted-model</c>.</summary>
    public bool ScenarioNeedsScript { get; } = scenario.ScenarioInfo.CombinedTags.Any(t => string.Equals(t.TrimStart('@'), ScriptedModelTag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The provider serving this scenario.</summary>
    public string Name => ScenarioNeedsScript ? LlmProviders.Scripted : Configured;

    /// <summary>The model serving this scenario.</summary>
    public string Model => ScenarioNeedsScript ? "scripted" : ConfiguredModel;

    /// <summary>True when this scenario runs on the scripted model.</summary>
    public bool IsScripted => Name == LlmProviders.Scripted;

    /// <summary>A configuration for an agent of this scenario: this provider, its data under <paramref name="dataFolder"/>.</summary>
    public AutonomousConfig Config(string dataFolder) => AutonomousConfig.FromEnvironment() with
    {
        Provider = Name,
        Model = Model,
        DataFolder = dataFolder,
        // Signals are process-wide: a scenario that needs Ctrl+C runs its agent in a child process.
        HandleProcessSignals = false,
        // A provider error is a scenario failure, not something to wait out.
        MaxAttempts = IsScripted || Name == LlmProviders.Local ? 1 : 3,
    };

    /// <summary>
    /// The chat client for an agent: the scripted model playing <paramref name="script"/>, or the real provider (the
    /// script is then unused: the real model answers for itself).
    /// </summary>
    public IChatClient ChatClient(AutonomousConfig config, ChatScript script)
    {
        IChatClient inner = config.Provider switch
        {
            LlmProviders.Scripted => new ScriptedChatClient(script, config.Model),
            LlmProviders.Local => LocalModelProvider.CreateChatClient(),
            _ => LlmFactory.CreateChatClient(config),
        };
        var price = config.Prices.Find(config.Provider, config.Model) ?? ModelPrice.Free;
        return new UsageRecordingChatClient(inner, ledger, transcript, price, $"{config.Provider}/{config.Model}");
    }
}
