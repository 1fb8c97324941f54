using System.Reflection;

namespace Kaizen.Bdd.Bindings;

/// <summary>Finds <c>[Binding]</c> classes in assemblies, minus the namespaces an assembly excludes with <see cref="ExcludeBindingsAttribute"/>.</summary>
internal static class BindingDiscovery
{
    public static IEnumerable<Type> FindBindingTypes(IEnumerable<Assembly> assemblies) =>
        assemblies.Distinct().SelectMany(assembly =>
        {
            var excluded = assembly.GetCustomAttributes<ExcludeBindingsAttribute>().Select(a => a.NamespacePrefix).ToList();
            return LoadableTypes(assembly).Where(t => t.IsClass && t.GetCustomAttribute<BindingAttribute>() is not null && !IsExcluded(t, excluded));
        });

    private static bool IsExcluded(Type type, List<string> prefixes)
    {
        var ns = type.Namespace ?? string.Empty;
        return prefixes.Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException partial) { return partial.Types.OfType<Type>(); }
    }
}
