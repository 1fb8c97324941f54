namespace Kaizen.Specs.Support;

/// <summary>Plausible, varied working notes for the scripted model, so conversations look like real work.</summary>
public static class AnalystThoughts
{
    private static readonly string[] Notes =
    [
        "Opened the March export: 4,812 rows, 14 columns. The region column has 3 spellings of 'North-East'; normalising before grouping.",
        "Grouped revenue by region. Central leads with 31% of the total, but its average order value fell from 212 to 187 euros since January.",
        "Checked refunds separately: 2.4% of orders, concentrated on the Dock product (41 of 116 refunds). Flagging this for the product team.",
        "Compared weekday patterns. Tuesday and Wednesday carry 38% of orders; Sunday is negligible except in the West region.",
        "Cross-checked the totals against the finance ledger: a 1,260 euro gap traced to two orders booked in April with March dates.",
        "Looked at new versus returning customers. Returning customers place 64% of orders and their basket is 1.7 items larger on average.",
        "Laptop sales dropped 12% month over month while monitor sales rose 9%: consistent with the monitor promotion in week 11.",
        "Drafted the summary table: revenue, orders, average basket and refund rate per region, with the change against February.",
        "Wrote the narrative: three findings (Central basket erosion, Dock refunds, promotion effect) with one recommended action each.",
        "Reviewed the draft for unsupported claims; removed a sentence about seasonality that one month of data cannot support.",
        "Added a short method note: data sources, the date cut-off, and the two corrected April bookings.",
        "Final check of figures against the spreadsheet; all totals reconcile to the cent.",
    ];

    /// <summary>The note for turn <paramref name="turn"/> (1-based); cycles after the last one.</summary>
    public static string For(int turn) => Notes[(turn - 1) % Notes.Length];
}
