using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Support;

/// <summary>
/// Which model the scenarios talk to: the scripted stand-in by default, a local Ollama with
/// <c>KAIZEN_LLM_PROVIDER=ollama</c> (model from <c>KAIZEN_LLM_MODEL</c>, default <c>llama3.2:1b</c>; server from
/// <c>OLLAMA_HOST</c>). Every chat client it hands out reports its token usage to the scenario's <see cref="UsageLedger"/>.
/// </summary>
public sealed class ModelProvider(UsageLedger ledger)
{
    /// <summary>The provider named by the environment, lower case.</summary>
    public string Name { get; } = Environment.GetEnvironmentVariable("KAIZEN_LLM_PROVIDER") is { Length: > 0 } name
        ? name.Trim().ToLowerInvariant()
        : LlmProviders.Scripted;

    /// <summary>The model name.</summary>
    public string Model { get; } = Environment.GetEnvironmentVariable("KAIZEN_LLM_MODEL") is { Length: > 0 } model
        ? model.Trim()
        : AutonomousConfig.DefaultModel;

    /// <summary>True on the default, scripted provider.</summary>
    public bool IsScripted => Name == LlmProviders.Scripted;

    /// <summary>A configuration for an agent of this scenario: this provider, its data under <paramref name="dataFolder"/>.</summary>
    public AutonomousConfig Config(string dataFolder) => new()
    {
        Provider = Name,
        Model = Model,
        DataFolder = dataFolder,
        // A provider error is a scenario failure, not something to wait out.
        MaxAttempts = IsScripted ? 1 : 3,
    };

    /// <summary>
    /// The chat client for an agent: the scripted model playing <paramref name="script"/>, or the real provider of
    /// <paramref name="config"/> (the script is then unused: the real model answers for itself).
    /// </summary>
    public IChatClient ChatClient(AutonomousConfig config, ChatScript script)
    {
        IChatClient inner = IsScripted ? new ScriptedChatClient(script, config.Model) : LlmFactory.CreateChatClient(config);
        var price = config.Prices.Find(config.Provider, config.Model) ?? ModelPrice.Free;
        return new UsageRecordingChatClient(inner, ledger, price, $"{config.Provider}/{config.Model}");
    }
}
