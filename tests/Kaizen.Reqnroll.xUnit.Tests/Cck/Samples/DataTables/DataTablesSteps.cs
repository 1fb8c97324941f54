using Kaizen.Reqnroll.xUnit;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.DataTables;

[Binding]
public sealed class DataTablesSteps
{
    private List<string[]>? _transposed;

    [When("the following table is transposed:")]
    public void Transpose(DataTable table)
    {
        var rows = Rows(table);
        _transposed = Enumerable.Range(0, rows[0].Length).Select(c => rows.Select(r => r[c]).ToArray()).ToList();
    }

    [Then("it should be:")]
    public void ItShouldBe(DataTable expected)
    {
        var actual = _transposed ?? throw new InvalidOperationException("No table was transposed.");
        var wanted = Rows(expected);
        if (actual.Count != wanted.Count || actual.Zip(wanted).Any(pair => !pair.First.SequenceEqual(pair.Second)))
            throw new InvalidOperationException($"Expected\n{expected}\nbut the transposed table differs");
    }

    private static List<string[]> Rows(DataTable table) =>
        [table.Header.ToArray(), .. table.Rows.Select(r => r.Values.ToArray())];
}
