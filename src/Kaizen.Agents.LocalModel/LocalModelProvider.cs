using System.Runtime.CompilerServices;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Registers the local model as the <c>local</c> provider of Kaizen.Agents (<c>KAIZEN_LLM_PROVIDER=local</c>). This
/// happens by itself when Kaizen.Agents first needs the provider and this assembly is deployed with the application;
/// <see cref="Register"/> does it explicitly (e.g. with other options).
/// </summary>
public static class LocalModelProvider
{
    /// <summary>The provider name (<c>KAIZEN_LLM_PROVIDER=local</c>).</summary>
    public const string Name = LlmProviders.Local;

    /// <summary>
    /// Makes <c>LlmFactory.CreateChatClient</c> return <see cref="LocalChatClient.Shared"/> for the <c>local</c>
    /// provider: one model and one context per process, shared by every agent.
    /// </summary>
    /// <param name="options">Model settings; null uses the defaults (model from <see cref="LocalModelFile.DefaultPath"/>).</param>
    public static void Register(LocalModelOptions? options = null) =>
        LlmFactory.RegisterLocalProvider(_ => CreateChatClient(options));

    /// <summary>The shared local client for <paramref name="options"/> (defaults when null).</summary>
    public static IChatClient CreateChatClient(LocalModelOptions? options = null) => LocalChatClient.Shared(options);

#pragma warning disable CA2255 // Registration must happen when Kaizen.Agents loads this assembly by name, without a call from the app.
    [ModuleInitializer]
    internal static void RegisterOnLoad() => Register();
#pragma warning restore CA2255
}
