using System.Reflection;

namespace Kaizen.Bdd.Tables;

/// <summary>
/// Matches table column or field names to properties: case-insensitive, ignoring spaces, underscores and dashes
/// ("First name", "first_name" and "FirstName" are the same).
/// </summary>
internal static class MemberNameMatcher
{
    public static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    public static PropertyInfo? FindProperty(Type type, string name)
    {
        var wanted = Normalize(name);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .FirstOrDefault(p => Normalize(p.Name) == wanted);
    }
}
