using System.Globalization;
using System.Reflection;

namespace Kaizen.Bdd.Tables;

/// <summary>Compares expected table values with an object's properties, producing readable differences.</summary>
internal static class FieldComparer
{
    public sealed record Difference(string Field, string Expected, string Actual);

    public static IReadOnlyList<Difference> Compare<T>(FieldSet expected, T actual)
    {
        var differences = new List<Difference>();
        foreach (var (field, text) in expected.Fields)
        {
            var property = FindPropertyOrThrow(typeof(T), field, expected.Origin);
            var value = property.GetValue(actual);
            if (!Matches(text, value, property.PropertyType))
                differences.Add(new Difference(field, text, Format(value)));
        }
        return differences;
    }

    public static bool MatchesAll<T>(FieldSet expected, T actual) => Compare(expected, actual).Count == 0;

    public static PropertyInfo FindPropertyOrThrow(Type type, string field, string origin) =>
        MemberNameMatcher.FindProperty(type, field)
        ?? throw new DataTableException(
            $"{ObjectBuilder.Capitalize(origin)}: field '{field}' matches no public property of {type.Name}. "
            + $"Properties: {string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name))}.");

    public static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool Matches(string expected, object? actual, Type propertyType)
    {
        if (actual is null)
            return string.IsNullOrEmpty(expected) || string.Equals(expected.Trim(), "null", StringComparison.OrdinalIgnoreCase);
        if (propertyType == typeof(string) || !TableValueConverter.IsSupported(propertyType))
            return string.Equals(expected, Format(actual), StringComparison.Ordinal);
        return TableValueConverter.TryConvert(expected, propertyType, out var converted) && Equals(converted, actual);
    }
}
