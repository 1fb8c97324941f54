using System.Globalization;
using System.Text;

namespace Kaizen.Specs.Workloads.DataAnalysis;

/// <summary>A generated sales file: CSV text (header + one line per record) and the anomalies planted in it.</summary>
/// <param name="Csv">The whole file.</param>
/// <param name="RecordCount">Number of data rows.</param>
/// <param name="Anomalies">Planted anomalies in row order, at most one per row.</param>
public sealed record GeneratedSalesFile(string Csv, int RecordCount, IReadOnlyList<PlantedAnomaly> Anomalies)
{
    /// <summary>The data lines (without the header), row 1 first.</summary>
    public IReadOnlyList<string> DataLines => Csv.TrimEnd('\n').Split('\n')[1..];
}

/// <summary>
/// Generates a sales CSV for the first half of 2026 with about 6 % anomalous rows. Deterministic from the seed.
/// A duplicated id always follows its original directly, and the original's row is never a multiple of 5,
/// so an analyst reading the file in batches of any multiple of 5 rows sees both rows of a pair together.
/// </summary>
public static class SalesRecordsGenerator
{
    /// <summary>The last day of the reporting period; later dates are anomalies.</summary>
    public static readonly DateOnly PeriodEnd = new(2026, 6, 30);

    /// <summary>The largest quantity of an ordinary order.</summary>
    public const int MaxOrdinaryQuantity = 20;

    /// <summary>The CSV header.</summary>
    public const string Header = "order_id,date,region,product,quantity,unit_price,total";

    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    private static readonly (string Name, decimal Price)[] Products =
        [("Laptop", 1199.00m), ("Monitor", 229.50m), ("Keyboard", 49.90m), ("Mouse", 24.99m), ("Dock", 189.00m), ("Headset", 89.95m)];

    /// <summary>Generates <paramref name="recordCount"/> rows.</summary>
    public static GeneratedSalesFile Generate(int seed, int recordCount = 1000)
    {
        if (recordCount < 2) throw new ArgumentOutOfRangeException(nameof(recordCount), recordCount, "A sales file needs at least two records.");
        var random = new Random(seed);
        var csv = new StringBuilder(Header).Append('\n');
        var anomalies = new List<PlantedAnomaly>();
        var start = new DateOnly(2026, 1, 1);
        string? previousId = null;
        var nextId = 100000;

        for (var row = 1; row <= recordCount; row++)
        {
            var id = $"SO-{nextId++}";
            var date = start.AddDays(random.Next(181));
            var region = Regions[random.Next(Regions.Length)];
            var (product, price) = Products[random.Next(Products.Length)];
            var quantity = random.Next(1, MaxOrdinaryQuantity + 1);
            var total = quantity * price;

            AnomalyKind? kind = null;
            var canDuplicate = previousId is not null && (row - 1) % 5 != 0 && anomalies.LastOrDefault()?.Row != row - 1;
            if (random.NextDouble() < 0.06)
            {
                var kinds = Enum.GetValues<AnomalyKind>().Where(k => k != AnomalyKind.DuplicateId || canDuplicate).ToArray();
                kind = kinds[random.Next(kinds.Length)];
                switch (kind)
                {
                    case AnomalyKind.NegativeQuantity: quantity = -quantity; total = quantity * price; break;
                    case AnomalyKind.TotalMismatch: total += random.Next(1, 50) * 10m; break;
                    case AnomalyKind.DuplicateId: id = previousId!; nextId--; break;
                    case AnomalyKind.MissingRegion: region = ""; break;
                    case AnomalyKind.OutlierQuantity: quantity = random.Next(10, 40) * MaxOrdinaryQuantity; total = quantity * price; break;
                    case AnomalyKind.FutureDate: date = PeriodEnd.AddDays(random.Next(1, 200)); break;
                }
                anomalies.Add(new PlantedAnomaly(row, id, kind.Value));
            }

            csv.Append(id).Append(',')
               .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
               .Append(region).Append(',')
               .Append(product).Append(',')
               .Append(quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(price.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
               .Append(total.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            previousId = id;
        }
        return new GeneratedSalesFile(csv.ToString(), recordCount, anomalies);
    }
}
