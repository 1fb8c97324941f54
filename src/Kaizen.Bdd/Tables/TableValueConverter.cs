using System.Globalization;

namespace Kaizen.Bdd.Tables;

/// <summary>Converts table cells to the simple types table helpers support (invariant culture).</summary>
internal static class TableValueConverter
{
    public static bool TryConvert(string text, Type target, out object? value)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null)
        {
            if (string.IsNullOrWhiteSpace(text) || IsNullWord(text))
            {
                value = null;
                return true;
            }
            return TryConvert(text, underlying, out value);
        }

        var trimmed = text.Trim();
        var invariant = CultureInfo.InvariantCulture;
        value = null;
        switch (Type.GetTypeCode(target))
        {
            case TypeCode.String:
                value = text;
                return true;
            case TypeCode.Int32 when int.TryParse(trimmed, NumberStyles.Integer, invariant, out var i): value = i; return true;
            case TypeCode.Int64 when long.TryParse(trimmed, NumberStyles.Integer, invariant, out var l): value = l; return true;
            case TypeCode.Int16 when short.TryParse(trimmed, NumberStyles.Integer, invariant, out var s): value = s; return true;
            case TypeCode.Byte when byte.TryParse(trimmed, NumberStyles.Integer, invariant, out var b): value = b; return true;
            case TypeCode.Decimal when decimal.TryParse(trimmed, NumberStyles.Number, invariant, out var m): value = m; return true;
            case TypeCode.Double when double.TryParse(trimmed, NumberStyles.Float, invariant, out var d): value = d; return true;
            case TypeCode.Single when float.TryParse(trimmed, NumberStyles.Float, invariant, out var f): value = f; return true;
            case TypeCode.Boolean when TryParseBool(trimmed, out var flag): value = flag; return true;
            case TypeCode.Char when trimmed.Length == 1: value = trimmed[0]; return true;
            case TypeCode.DateTime when DateTime.TryParse(trimmed, invariant, DateTimeStyles.AllowWhiteSpaces, out var dt): value = dt; return true;
        }

        if (target.IsEnum) return TryParseEnum(trimmed, target, out value);
        if (target == typeof(Guid) && Guid.TryParse(trimmed, out var guid)) { value = guid; return true; }
        if (target == typeof(TimeSpan) && TimeSpan.TryParse(trimmed, invariant, out var span)) { value = span; return true; }
        if (target == typeof(DateTimeOffset) && DateTimeOffset.TryParse(trimmed, invariant, DateTimeStyles.AllowWhiteSpaces, out var dto)) { value = dto; return true; }
        if (target == typeof(object)) { value = text; return true; }
        return false;
    }

    public static bool IsSupported(Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(TimeSpan);
    }

    private static bool IsNullWord(string text) => string.Equals(text.Trim(), "null", StringComparison.OrdinalIgnoreCase);

    private static bool TryParseBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true": case "yes": case "y": case "1": value = true; return true;
            case "false": case "no": case "n": case "0": value = false; return true;
            default: value = false; return false;
        }
    }

    private static bool TryParseEnum(string text, Type enumType, out object? value)
    {
        var wanted = MemberNameMatcher.Normalize(text);
        foreach (var name in Enum.GetNames(enumType))
        {
            if (MemberNameMatcher.Normalize(name) == wanted)
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }
        value = null;
        return false;
    }
}
