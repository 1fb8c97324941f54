using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Tests.Tables;

[Trait("Category", "tables")]
public sealed class DataTableTests
{
    private static DataTable People() => new(new List<IReadOnlyList<string>>
    {
        new[] { "Name", "Age" },
        new[] { "Ann", "31" },
        new[] { "Bob", "42" },
    });

    [Fact]
    public void First_row_is_the_header_and_rows_are_readable_by_name_and_index()
    {
        var table = People();

        table.Header.Should().Equal("Name", "Age");
        table.RowCount.Should().Be(2);
        table.Rows[1]["Name"].Should().Be("Bob");
        table.Rows[0][1].Should().Be("31");
    }

    [Fact]
    public void Unknown_column_names_the_available_columns()
    {
        var act = () => People().Rows[0]["Surname"];

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'Surname'*'Name', 'Age'*");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_rejected()
    {
        var table = new DataTable("a", "b");

        var act = () => table.AddRow("1");

        act.Should().Throw<ArgumentException>().WithMessage("Row 1 has 1 cell(s) but the header has 2*");
    }

    [Fact]
    public void Transpose_swaps_rows_and_columns()
    {
        var transposed = People().Transpose();

        transposed.Header.Should().Equal("Name", "Ann", "Bob");
        transposed.Rows.Should().ContainSingle();
        transposed.Rows[0].Cells.Should().Equal("Age", "31", "42");
    }

    [Fact]
    public void ToString_renders_an_aligned_gherkin_table()
    {
        People().ToString().Should().Be("| Name | Age |\n| Ann  | 31  |\n| Bob  | 42  |");
    }

    [Fact]
    public void Doc_string_keeps_content_and_media_type()
    {
        var doc = new DocString("{ }", "json");

        doc.Content.Should().Be("{ }");
        doc.MediaType.Should().Be("json");
        string text = doc;
        text.Should().Be("{ }");
    }
}
