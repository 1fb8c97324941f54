using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Tests.Tables;

[Trait("Category", "tables")]
public sealed class DataTableExtensionsTests
{
    public enum Level { Low, VeryHigh }

    public sealed class Account
    {
        public string FirstName { get; set; } = "";
        public int Age { get; set; }
        public decimal Balance { get; set; }
        public double Ratio { get; set; }
        public bool Active { get; set; }
        public DateTime Opened { get; set; }
        public Guid Id { get; set; }
        public Level Level { get; set; }
        public int? Limit { get; set; }
    }

    public sealed record Book(string Title, int Pages, string? Author = null);

    private static DataTable Table(params string[][] rows) => new(rows.Select(r => (IReadOnlyList<string>)r));

    [Fact]
    public void CreateInstance_reads_a_vertical_table_converting_every_supported_type()
    {
        var table = Table(
            ["Field", "Value"],
            ["First name", "Ann"],
            ["age", "31"],
            ["Balance", "12.50"],
            ["ratio", "0.25"],
            ["Active", "true"],
            ["Opened", "2024-03-01"],
            ["Id", "0f8fad5b-d9cb-469f-a165-70867728950e"],
            ["Level", "very high"],
            ["Limit", ""]);

        var account = table.CreateInstance<Account>();

        account.FirstName.Should().Be("Ann");
        account.Age.Should().Be(31);
        account.Balance.Should().Be(12.50m);
        account.Ratio.Should().Be(0.25);
        account.Active.Should().BeTrue();
        account.Opened.Should().Be(new DateTime(2024, 3, 1));
        account.Id.Should().Be(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        account.Level.Should().Be(Level.VeryHigh);
        account.Limit.Should().BeNull();
    }

    [Fact]
    public void CreateInstance_accepts_a_one_row_horizontal_table_and_constructor_only_records()
    {
        var book = Table(["Title", "pages"], ["Dune", "412"]).CreateInstance<Book>();

        book.Should().Be(new Book("Dune", 412));
    }

    [Fact]
    public void CreateSet_makes_one_object_per_row()
    {
        var table = Table(["first_name", "Age", "Limit"], ["Ann", "31", "100"], ["Bob", "42", ""]);

        var accounts = table.CreateSet<Account>();

        accounts.Select(a => (a.FirstName, a.Age, a.Limit)).Should().Equal(("Ann", 31, 100), ("Bob", 42, (int?)null));
    }

    [Fact]
    public void Unconvertible_cell_names_row_field_and_target_type()
    {
        var table = Table(["First Name", "Age"], ["Ann", "31"], ["Bob", "forty"]);

        var act = () => table.CreateSet<Account>();

        act.Should().Throw<DataTableException>().WithMessage("Row 2, field 'Age': cannot convert 'forty' to Int32.");
    }

    [Fact]
    public void Unknown_column_is_an_error_listing_the_properties()
    {
        var act = () => Table(["Field", "Value"], ["Nickname", "x"]).CreateInstance<Account>();

        act.Should().Throw<DataTableException>().WithMessage("*'Nickname'*Properties: FirstName, Age*");
    }

    [Fact]
    public void CompareToInstance_passes_when_all_listed_fields_match()
    {
        var account = new Account { FirstName = "Ann", Age = 31, Balance = 12.5m };

        var act = () => Table(["Field", "Value"], ["First Name", "Ann"], ["Age", "31"], ["Balance", "12.50"]).CompareToInstance(account);

        act.Should().NotThrow();
    }

    [Fact]
    public void CompareToInstance_lists_every_differing_field()
    {
        var account = new Account { FirstName = "Ann", Age = 30, Active = false };
        var table = Table(["Field", "Value"], ["First Name", "Ann"], ["Age", "31"], ["Active", "yes"]);

        var act = () => table.CompareToInstance(account);

        act.Should().Throw<TableComparisonException>().Which.Message.Should().Be(
            "Account differs from the table in 2 field(s):\n"
            + "| Field  | Expected | Actual |\n"
            + "| Age    | 31       | 30     |\n"
            + "| Active | yes      | false  |");
    }

    [Fact]
    public void CompareToSet_ignores_order_by_default()
    {
        var books = new[] { new Book("B", 2), new Book("A", 1) };

        var act = () => Table(["Title", "Pages"], ["A", "1"], ["B", "2"]).CompareToSet(books);

        act.Should().NotThrow();
    }

    [Fact]
    public void CompareToSet_in_sequential_order_fails_on_reordering()
    {
        var books = new[] { new Book("B", 2), new Book("A", 1) };

        var act = () => Table(["Title", "Pages"], ["A", "1"], ["B", "2"]).CompareToSet(books, sequentialOrder: true);

        act.Should().Throw<TableComparisonException>().WithMessage("*(in order)*2 expected row(s) not found*");
    }

    [Fact]
    public void CompareToSet_marks_missing_rows_and_unexpected_items()
    {
        var books = new[] { new Book("A", 1), new Book("C", 3) };

        var act = () => Table(["Title", "Pages"], ["A", "1"], ["B", "2"]).CompareToSet(books);

        act.Should().Throw<TableComparisonException>().Which.Message.Should().Be(
            "The Book set does not match the table: 1 expected row(s) not found (-), 1 unexpected item(s) (+); table has 2 row(s), set has 2 item(s).\n"
            + "  | Title | Pages |\n"
            + "  | A     | 1     |\n"
            + "- | B     | 2     |\n"
            + "+ | C     | 3     |");
    }

    [Fact]
    public void CompareToSet_detects_a_missing_item_when_counts_differ()
    {
        var act = () => Table(["Title", "Pages"], ["A", "1"], ["A", "1"]).CompareToSet(new[] { new Book("A", 1) });

        act.Should().Throw<TableComparisonException>().WithMessage("*1 expected row(s) not found*set has 1 item(s)*");
    }

    [Fact]
    public void A_one_column_table_becomes_a_list_of_simple_values()
    {
        Table(["Amount"], ["1.5"], ["2"]).CreateSet<decimal>().Should().Equal(1.5m, 2m);
        Table(["When"], ["2024-01-02"]).CreateSet<DateTime?>().Should().Equal(new DateTime(2024, 1, 2));
    }

    [Fact]
    public void A_multi_row_table_is_not_a_single_instance()
    {
        var act = () => Table(["Title", "Pages"], ["A", "1"], ["B", "2"]).CreateInstance<Book>();

        act.Should().Throw<DataTableException>().WithMessage("*exactly one row; this table has 2 rows*");
    }

    [Fact]
    public void CompareToSet_names_a_header_column_the_type_does_not_have()
    {
        var act = () => Table(["Title", "Colour"], ["A", "red"]).CompareToSet(new[] { new Book("A", 1) });

        act.Should().Throw<DataTableException>().WithMessage("*'Colour' matches no public property of Book*");
    }
}
