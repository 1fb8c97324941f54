using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Providers that live in companion packages (the local model, the scripted test double): the package registers its
/// factory, by itself when its assembly is loaded by name here, or by an explicit call.
/// </summary>
internal static class ProviderPackages
{
    private static readonly ConcurrentDictionary<string, Func<AutonomousConfig, IChatClient>> Factories = new(StringComparer.Ordinal);

    public static void Register(string provider, Func<AutonomousConfig, IChatClient> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factories[provider] = factory;
    }

    /// <summary>The registered factory of <paramref name="provider"/>, loading <paramref name="assemblyName"/> first when needed.</summary>
    /// <exception cref="InvalidOperationException">The package is not deployed; the message is <paramref name="missing"/>.</exception>
    public static Func<AutonomousConfig, IChatClient> Resolve(string provider, string assemblyName, string missing)
    {
        if (Factories.TryGetValue(provider, out var registered)) return registered;
        try
        {
            // The package's module initializer registers its factory.
            var assembly = Assembly.Load(assemblyName);
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }
        catch (IOException)
        {
            // Not deployed: reported below.
        }

        return Factories.TryGetValue(provider, out registered) ? registered : throw new InvalidOperationException(missing);
    }
}
