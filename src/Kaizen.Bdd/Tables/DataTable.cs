using System.Text;

namespace Kaizen.Bdd.Tables;

/// <summary>
/// A Gherkin data table: a header row and zero or more data rows of strings (Reqnroll's <c>DataTable</c>).
/// </summary>
public sealed class DataTable
{
    private readonly List<string> _header;
    private readonly List<DataTableRow> _rows = new();

    /// <summary>Creates a table whose first row is the header and the remaining rows are data.</summary>
    /// <param name="rows">All rows, header first; every row must have as many cells as the header.</param>
    public DataTable(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
            throw new ArgumentException("A data table needs at least a header row.", nameof(rows));
        _header = ValidateHeader(enumerator.Current);
        while (enumerator.MoveNext())
            AddRow(enumerator.Current.ToArray());
    }

    /// <summary>Creates an empty table with the given header.</summary>
    /// <param name="header">Column names; must be unique.</param>
    public DataTable(params string[] header)
    {
        _header = ValidateHeader(header);
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The data rows (the header excluded).</summary>
    public IReadOnlyList<DataTableRow> Rows => _rows;

    /// <summary>The number of data rows.</summary>
    public int RowCount => _rows.Count;

    /// <summary>Adds a data row.</summary>
    /// <param name="cells">One value per column.</param>
    public DataTableRow AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _header.Count)
            throw new ArgumentException(
                $"Row {_rows.Count + 1} has {cells.Length} cell(s) but the header has {_header.Count} column(s).", nameof(cells));
        var row = new DataTableRow(this, cells);
        _rows.Add(row);
        return row;
    }

    /// <summary>True when a column of that exact name exists.</summary>
    /// <param name="column">The column name.</param>
    public bool ContainsColumn(string column) => _header.Contains(column, StringComparer.Ordinal);

    /// <summary>
    /// Swaps rows and columns, header included: the first column becomes the new header.
    /// A vertical <c>| Field | Value |</c> table becomes a one-row horizontal table.
    /// </summary>
    public DataTable Transpose()
    {
        var all = new List<IReadOnlyList<string>> { _header };
        all.AddRange(_rows.Select(r => r.Cells));
        var transposed = Enumerable.Range(0, _header.Count)
            .Select(column => (IReadOnlyList<string>)all.Select(row => row[column]).ToList());
        return new DataTable(transposed);
    }

    /// <summary>All rows, header first, as plain lists (the shape Gherkin gives).</summary>
    public IReadOnlyList<IReadOnlyList<string>> ToRows()
    {
        var all = new List<IReadOnlyList<string>> { _header.ToList() };
        all.AddRange(_rows.Select(r => r.Cells));
        return all;
    }

    /// <summary>The table in Gherkin pipe syntax with aligned columns.</summary>
    public override string ToString() => TableFormatter.Format(ToRows(), rowPrefixes: null);

    internal int ColumnIndex(string column)
    {
        var index = _header.FindIndex(h => string.Equals(h, column, StringComparison.Ordinal));
        if (index < 0)
            throw new KeyNotFoundException(
                $"The table has no column '{column}'. Columns: {string.Join(", ", _header.Select(h => $"'{h}'"))}.");
        return index;
    }

    private static List<string> ValidateHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Count == 0)
            throw new ArgumentException("A data table header needs at least one column.", nameof(header));
        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The data table header repeats the column '{duplicate.Key}'.", nameof(header));
        return header.ToList();
    }
}
