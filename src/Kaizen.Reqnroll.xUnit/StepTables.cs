using Reqnroll;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Builds the table argument of a generated step call.</summary>
public static class StepTables
{
    /// <summary>A Reqnroll table from its rows, the header row first.</summary>
    public static DataTable Create(params string[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) throw new ArgumentException("A step table has at least a header row.", nameof(rows));
        var table = new DataTable(rows[0]);
        for (var i = 1; i < rows.Length; i++) table.AddRow(rows[i]);
        return table;
    }
}
