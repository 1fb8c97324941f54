using System.Text;

namespace Kaizen.Bdd.Tables;

/// <summary>
/// Reqnroll-style helpers turning tables into objects and checking objects against tables.
/// Column/field names match properties case-insensitively, ignoring spaces, underscores and dashes.
/// Cells convert (invariant culture) to string, numbers, bool, DateTime, Guid, TimeSpan, enums and their nullable forms.
/// </summary>
public static class DataTableExtensions
{
    /// <summary>
    /// Creates one <typeparamref name="T"/> from a vertical <c>| Field | Value |</c> table or a one-row horizontal table.
    /// </summary>
    /// <typeparam name="T">A class or record with settable properties or a matching constructor.</typeparam>
    /// <param name="table">The table.</param>
    /// <exception cref="DataTableException">Unknown field, unconvertible value or wrong table shape.</exception>
    public static T CreateInstance<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ObjectBuilder.Build<T>(TableShape.SingleObject(table));
    }

    /// <summary>Creates one <typeparamref name="T"/> per row of a horizontal table.</summary>
    /// <typeparam name="T">A class or record, or a simple type for a one-column table.</typeparam>
    /// <param name="table">The table.</param>
    /// <exception cref="DataTableException">Unknown column or unconvertible value (naming the row and column).</exception>
    public static List<T> CreateSet<T>(this DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return TableShape.Objects(table).Select(ObjectBuilder.Build<T>).ToList();
    }

    /// <summary>Checks that <paramref name="instance"/> has the values of the table (vertical or one-row horizontal).</summary>
    /// <typeparam name="T">The instance type.</typeparam>
    /// <param name="table">The expected values; fields not in the table are not checked.</param>
    /// <param name="instance">The object to check.</param>
    /// <exception cref="TableComparisonException">Lists every differing field with expected and actual value.</exception>
    public static void CompareToInstance<T>(this DataTable table, T instance)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (instance is null)
            throw new TableComparisonException($"Expected an instance of {typeof(T).Name} matching the table, but it was null.");
        var differences = FieldComparer.Compare(TableShape.SingleObject(table), instance);
        if (differences.Count == 0) return;

        var rows = new List<IReadOnlyList<string>> { new[] { "Field", "Expected", "Actual" } };
        rows.AddRange(differences.Select(d => (IReadOnlyList<string>)new[] { d.Field, d.Expected, d.Actual }));
        throw new TableComparisonException(
            $"{typeof(T).Name} differs from the table in {differences.Count} field(s):\n{TableFormatter.Format(rows, null)}");
    }

    /// <summary>
    /// Checks that <paramref name="set"/> holds exactly the rows of the table (any order unless
    /// <paramref name="sequentialOrder"/>). Only the table's columns are compared.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="table">One expected item per row.</param>
    /// <param name="set">The actual items.</param>
    /// <param name="sequentialOrder">True to require the items in table order.</param>
    /// <exception cref="TableComparisonException">
    /// Shows the table with <c>-</c> before expected rows that were not found and <c>+</c> before unexpected items.
    /// </exception>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> set, bool sequentialOrder = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(set);
        var expected = TableShape.Objects(table);
        var actual = set.ToList();
        foreach (var column in table.Header) FieldComparer.FindPropertyOrThrow(typeof(T), column, "the table header");

        var matchedActual = new bool[actual.Count];
        var missing = new List<int>();
        for (var row = 0; row < expected.Count; row++)
        {
            var match = sequentialOrder
                ? (row < actual.Count && FieldComparer.MatchesAll(expected[row], actual[row]) ? row : -1)
                : Enumerable.Range(0, actual.Count).FirstOrDefault(i => !matchedActual[i] && FieldComparer.MatchesAll(expected[row], actual[i]), -1);
            if (match >= 0) matchedActual[match] = true;
            else missing.Add(row);
        }
        var extra = Enumerable.Range(0, actual.Count).Where(i => !matchedActual[i]).ToList();
        if (missing.Count == 0 && extra.Count == 0) return;

        throw new TableComparisonException(DescribeSetDifference(table, actual, missing, extra, sequentialOrder));
    }

    private static string DescribeSetDifference<T>(DataTable table, List<T> actual, List<int> missing, List<int> extra, bool sequential)
    {
        var rows = new List<IReadOnlyList<string>> { table.Header };
        var prefixes = new List<string> { " " };
        for (var row = 0; row < table.RowCount; row++)
        {
            rows.Add(table.Rows[row].Cells);
            prefixes.Add(missing.Contains(row) ? "-" : " ");
        }
        foreach (var index in extra)
        {
            rows.Add(table.Header.Select(h => FieldComparer.Format(FieldComparer.FindPropertyOrThrow(typeof(T), h, "the table header").GetValue(actual[index]))).ToList());
            prefixes.Add("+");
        }

        var summary = new StringBuilder();
        summary.Append($"The {typeof(T).Name} set does not match the table");
        summary.Append(sequential ? " (in order)" : string.Empty).Append(": ");
        summary.Append($"{missing.Count} expected row(s) not found (-), {extra.Count} unexpected item(s) (+); ");
        summary.Append($"table has {table.RowCount} row(s), set has {actual.Count} item(s).\n");
        summary.Append(TableFormatter.Format(rows, prefixes));
        return summary.ToString();
    }
}
