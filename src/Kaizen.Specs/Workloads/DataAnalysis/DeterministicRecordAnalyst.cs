using System.Globalization;

namespace Kaizen.Specs.Workloads.DataAnalysis;

/// <summary>An anomaly reported by an analyst.</summary>
/// <param name="Row">1-based data row.</param>
/// <param name="OrderId">The row's order id.</param>
/// <param name="Kind">What is wrong.</param>
public sealed record AnomalyFinding(int Row, string OrderId, AnomalyKind Kind);

/// <summary>
/// The judgement the scripted model uses when it plays a data analyst: it checks the batch of CSV lines it is
/// given (each with its row number) and reports what is wrong. It sees nothing but that batch.
/// </summary>
public static class DeterministicRecordAnalyst
{
    /// <summary>Analyses consecutive data lines starting at <paramref name="firstRow"/> (1-based).</summary>
    public static IReadOnlyList<AnomalyFinding> Analyse(int firstRow, IReadOnlyList<string> lines)
    {
        var findings = new List<AnomalyFinding>();
        string? previousId = null;
        for (var index = 0; index < lines.Count; index++)
        {
            var row = firstRow + index;
            var fields = lines[index].Split(',');
            if (fields.Length != 7) throw new FormatException($"Row {row} has {fields.Length} fields, expected 7: '{lines[index]}'");
            var id = fields[0];
            var date = DateOnly.ParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var quantity = int.Parse(fields[4], CultureInfo.InvariantCulture);
            var price = decimal.Parse(fields[5], CultureInfo.InvariantCulture);
            var total = decimal.Parse(fields[6], CultureInfo.InvariantCulture);

            AnomalyKind? kind =
                id == previousId ? AnomalyKind.DuplicateId
                : fields[2].Length == 0 ? AnomalyKind.MissingRegion
                : quantity < 0 ? AnomalyKind.NegativeQuantity
                : quantity >= 10 * SalesRecordsGenerator.MaxOrdinaryQuantity ? AnomalyKind.OutlierQuantity
                : date > SalesRecordsGenerator.PeriodEnd ? AnomalyKind.FutureDate
                : quantity * price != total ? AnomalyKind.TotalMismatch
                : null;
            if (kind is not null) findings.Add(new AnomalyFinding(row, id, kind.Value));
            previousId = id;
        }
        return findings;
    }
}
