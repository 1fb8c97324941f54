using System.Reflection;

namespace Kaizen.Bdd.Bindings;

/// <summary>Finds <c>[Binding]</c> classes in assemblies.</summary>
internal static class BindingDiscovery
{
    public static IEnumerable<Type> FindBindingTypes(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(LoadableTypes).Where(t => t.IsClass && t.GetCustomAttribute<BindingAttribute>() is not null);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException partial) { return partial.Types.OfType<Type>(); }
    }
}
