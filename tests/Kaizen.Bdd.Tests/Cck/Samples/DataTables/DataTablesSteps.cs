using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Tests.Cck.Samples.DataTables;

[Binding]
public sealed class DataTablesSteps
{
    private DataTable? _transposed;

    [When("the following table is transposed:")]
    public void Transpose(DataTable table) => _transposed = table.Transpose();

    [Then("it should be:")]
    public void ItShouldBe(DataTable expected)
    {
        var actual = _transposed?.ToRows() ?? throw new InvalidOperationException("No table was transposed.");
        var wanted = expected.ToRows();
        if (actual.Count != wanted.Count || actual.Zip(wanted).Any(pair => !pair.First.SequenceEqual(pair.Second)))
            throw new InvalidOperationException($"Expected\n{expected}\nbut the transposed table is\n{_transposed}");
    }
}
