using System.Reflection;

namespace Kaizen.Bdd.Tables;

/// <summary>
/// Builds an object from field/value pairs: through a parameterless constructor and settable properties, or through the
/// public constructor whose parameters best match the fields (records without a default constructor).
/// </summary>
internal static class ObjectBuilder
{
    public static T Build<T>(FieldSet fields)
    {
        var type = typeof(T);
        if (TableValueConverter.IsSupported(type))
            return BuildScalar<T>(fields);

        var remaining = new List<KeyValuePair<string, string>>(fields.Fields);
        var instance = Construct(type, remaining, fields.Origin);
        foreach (var (field, text) in remaining)
        {
            var property = MemberNameMatcher.FindProperty(type, field)
                ?? throw new DataTableException(
                    $"{Capitalize(fields.Origin)}: column/field '{field}' matches no public property of {type.Name}. Properties: {PropertyList(type)}.");
            if (property.SetMethod is null || !property.SetMethod.IsPublic)
                throw new DataTableException(
                    $"{Capitalize(fields.Origin)}: property {type.Name}.{property.Name} has no public setter and no constructor parameter takes '{field}'.");
            property.SetValue(instance, Convert(text, property.PropertyType, field, fields.Origin));
        }
        return (T)instance;
    }

    public static object? Convert(string text, Type target, string field, string origin)
    {
        if (TableValueConverter.TryConvert(text, target, out var value)) return value;
        throw new DataTableException(
            $"{Capitalize(origin)}, field '{field}': cannot convert '{text}' to {FriendlyName(target)}.");
    }

    public static string FriendlyName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? FriendlyName(inner) + "?" : type.Name;

    private static T BuildScalar<T>(FieldSet fields)
    {
        if (fields.Fields.Count != 1)
            throw new DataTableException(
                $"{Capitalize(fields.Origin)}: a {typeof(T).Name} needs a single-column table, found {fields.Fields.Count} fields.");
        var (field, text) = fields.Fields[0];
        return (T)Convert(text, typeof(T), field, fields.Origin)!;
    }

    private static object Construct(Type type, List<KeyValuePair<string, string>> remaining, string origin)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var parameterless = constructors.FirstOrDefault(c => c.GetParameters().Length == 0);
        if (parameterless is not null || type.IsValueType && constructors.Length == 0)
            return Activator.CreateInstance(type)!;

        var best = constructors
            .Select(c => (Ctor: c, Matched: c.GetParameters().Count(p => FindField(remaining, p.Name!) >= 0), Usable: c.GetParameters().All(p => FindField(remaining, p.Name!) >= 0 || p.HasDefaultValue || IsNullable(p.ParameterType))))
            .Where(c => c.Usable)
            .OrderByDescending(c => c.Matched)
            .FirstOrDefault();
        if (best.Ctor is null)
            throw new DataTableException(
                $"{Capitalize(origin)}: cannot create {type.Name}: no public constructor whose parameters are all given by the table "
                + $"(fields: {string.Join(", ", remaining.Select(f => f.Key))}).");

        var arguments = best.Ctor.GetParameters().Select(p =>
        {
            var index = FindField(remaining, p.Name!);
            if (index < 0) return p.HasDefaultValue ? p.DefaultValue : null;
            var (field, text) = remaining[index];
            remaining.RemoveAt(index);
            return Convert(text, p.ParameterType, field, origin);
        }).ToArray();
        return best.Ctor.Invoke(arguments);
    }

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static int FindField(List<KeyValuePair<string, string>> fields, string name)
    {
        var wanted = MemberNameMatcher.Normalize(name);
        return fields.FindIndex(f => MemberNameMatcher.Normalize(f.Key) == wanted);
    }

    private static string PropertyList(Type type) =>
        string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name));

    internal static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
