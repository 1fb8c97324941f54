using System.Runtime.CompilerServices;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Registers the <c>scripted</c> provider of Kaizen.Agents: an endless "keep working" script, one numbered step per turn.
/// This happens by itself when Kaizen.Agents first needs the provider and this assembly is deployed with the
/// application; <see cref="Register"/> does it explicitly.
/// </summary>
public static class ScriptedProvider
{
    /// <summary>Makes <c>LlmFactory.CreateChatClient</c> answer the <c>scripted</c> provider with <see cref="ChatScript.Endless"/>.</summary>
    public static void Register() =>
        LlmFactory.RegisterScriptedProvider(config => new ScriptedChatClient(ChatScript.Endless(), config.Model));

#pragma warning disable CA2255 // Registration must happen when Kaizen.Agents loads this assembly by name, without a call from the app.
    [ModuleInitializer]
    internal static void RegisterOnLoad() => Register();
#pragma warning restore CA2255
}
