namespace Kaizen.Bdd.Tables;

/// <summary>One data row of a <see cref="DataTable"/>, readable by column name or index.</summary>
public sealed class DataTableRow
{
    private readonly DataTable _table;
    private readonly string[] _cells;

    internal DataTableRow(DataTable table, string[] cells)
    {
        _table = table;
        _cells = cells;
    }

    /// <summary>The cell under the named column.</summary>
    /// <param name="column">A header name (exact, case-sensitive).</param>
    public string this[string column] => _cells[_table.ColumnIndex(column)];

    /// <summary>The cell at the zero-based column index.</summary>
    /// <param name="index">Zero-based column index.</param>
    public string this[int index] => _cells[index];

    /// <summary>The cells in column order.</summary>
    public IReadOnlyList<string> Cells => _cells;

    /// <summary>The header of the owning table.</summary>
    public IReadOnlyList<string> Header => _table.Header;

    /// <summary>True when the named column exists and this row has a value for it.</summary>
    /// <param name="column">A header name.</param>
    /// <param name="value">The cell, when found.</param>
    public bool TryGetValue(string column, out string value)
    {
        if (_table.ContainsColumn(column))
        {
            value = this[column];
            return true;
        }
        value = string.Empty;
        return false;
    }

    /// <summary>The row as <c>| a | b |</c>.</summary>
    public override string ToString() => "| " + string.Join(" | ", _cells) + " |";
}
