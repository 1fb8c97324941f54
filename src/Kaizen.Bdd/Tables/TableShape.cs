namespace Kaizen.Bdd.Tables;

/// <summary>One object's worth of table data: field name/value pairs plus where they came from (for messages).</summary>
internal sealed record FieldSet(IReadOnlyList<KeyValuePair<string, string>> Fields, string Origin);

/// <summary>Reads a table either vertically (<c>| Field | Value |</c>) or horizontally (one object per row).</summary>
internal static class TableShape
{
    private static readonly HashSet<string> FieldHeaders = new(StringComparer.Ordinal) { "field", "property", "name", "key" };

    /// <summary>True for a two-column table headed <c>Field | Value</c> (or Property/Name/Key | Value).</summary>
    public static bool IsVertical(DataTable table) =>
        table.Header.Count == 2
        && FieldHeaders.Contains(MemberNameMatcher.Normalize(table.Header[0]))
        && MemberNameMatcher.Normalize(table.Header[1]) == "value";

    public static FieldSet SingleObject(DataTable table)
    {
        if (IsVertical(table))
            return new FieldSet(
                table.Rows.Select(r => new KeyValuePair<string, string>(r[0], r[1])).ToList(),
                "the vertical table");
        if (table.RowCount != 1)
            throw new DataTableException(
                $"A single object needs a vertical '| Field | Value |' table or a horizontal table with exactly one row; this table has {table.RowCount} rows:\n{table}");
        return HorizontalRow(table, 0);
    }

    public static IReadOnlyList<FieldSet> Objects(DataTable table) =>
        Enumerable.Range(0, table.RowCount).Select(i => HorizontalRow(table, i)).ToList();

    private static FieldSet HorizontalRow(DataTable table, int index) =>
        new(table.Header.Select((h, c) => new KeyValuePair<string, string>(h, table.Rows[index][c])).ToList(),
            $"row {index + 1}");
}
