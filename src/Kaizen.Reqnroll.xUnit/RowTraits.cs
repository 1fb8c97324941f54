namespace Kaizen.Reqnroll.xUnit;

/// <summary>The traits of a generated theory row: the Examples block's tags as <c>Category</c> values.</summary>
public static class RowTraits
{
    /// <summary>A <c>Category</c> trait with each of <paramref name="categories"/>.</summary>
    public static Dictionary<string, HashSet<string>> Categories(params string[] categories) =>
        new(StringComparer.OrdinalIgnoreCase) { ["Category"] = new HashSet<string>(categories, StringComparer.Ordinal) };
}
