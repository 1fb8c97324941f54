namespace Kaizen.Agents.Llm;

/// <summary>Names of the supported providers (values of <c>AutonomousConfig.Provider</c>, or of <c>KAIZEN_LLM_PROVIDER</c> through <c>AutonomousConfig.FromEnvironment()</c>).</summary>
public static class LlmProviders
{
    /// <summary>The deterministic scripted model (package Kaizen.Agents.Testing, see <see cref="LlmFactory.RegisterScriptedProvider"/>).</summary>
    public const string Scripted = "scripted";
    /// <summary>A local Ollama server through OllamaSharp.</summary>
    public const string Ollama = "ollama";
    /// <summary>An OpenAI-compatible endpoint through Microsoft.Extensions.AI.OpenAI.</summary>
    public const string OpenAI = "openai";
    /// <summary>A model running in process (package Kaizen.Agents.LocalModel, see <see cref="LlmFactory.RegisterLocalProvider"/>).</summary>
    public const string Local = "local";

    /// <summary>All supported names.</summary>
    public static IReadOnlyList<string> All { get; } = [Scripted, Ollama, OpenAI, Local];
}
