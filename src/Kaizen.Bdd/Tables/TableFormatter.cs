using System.Text;

namespace Kaizen.Bdd.Tables;

/// <summary>Renders rows as an aligned Gherkin table, optionally with a marker column (used by difference reports).</summary>
internal static class TableFormatter
{
    public static string Format(IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string>? rowPrefixes)
    {
        if (rows.Count == 0) return string.Empty;
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns)
            .Select(c => rows.Max(r => c < r.Count ? Escape(r[c]).Length : 0))
            .ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) text.Append('\n');
            if (rowPrefixes is not null) text.Append(rowPrefixes[i]).Append(' ');
            text.Append('|');
            for (var c = 0; c < columns; c++)
            {
                var cell = c < rows[i].Count ? Escape(rows[i][c]) : string.Empty;
                text.Append(' ').Append(cell.PadRight(widths[c])).Append(" |");
            }
        }
        return text.ToString();
    }

    private static string Escape(string cell) =>
        cell.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", "\\n");
}
