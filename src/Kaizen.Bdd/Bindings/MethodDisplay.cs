using System.Reflection;

namespace Kaizen.Bdd.Bindings;

internal static class MethodDisplay
{
    public static string Format(MethodInfo method) =>
        $"{method.DeclaringType?.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";
}
