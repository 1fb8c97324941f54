using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.PostgreSql.Tests.Support;

namespace Kaizen.Agents.PostgreSql.Tests.PostgreSql;

[Trait("Category", "postgres-lib")]
public sealed class SchemaTests(PostgresServerFixture server) : IAsyncDisposable
{
    private readonly PostgresStoreUnderTest _stores = new(server);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task The_first_use_creates_the_schema_and_records_its_version()
    {
        var database = _stores.Database();
        (await database.GetSchemaVersionAsync()).Should().Be(0);

        await new PostgresCheckpointStore(database).ListThreadsAsync();

        (await database.GetSchemaVersionAsync()).Should().Be(SchemaMigrations.Latest);
        (await _stores.Database().GetSchemaVersionAsync()).Should().Be(SchemaMigrations.Latest, "another process reads the same version");
    }

    [Fact]
    public async Task Processes_starting_together_migrate_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _stores.Database().EnsureSchemaAsync()));

        (await _stores.Database().GetSchemaVersionAsync()).Should().Be(SchemaMigrations.Latest);
        (await _stores.ExecuteAsync($"UPDATE {_stores.Schema}.schema_version SET description = description")).Should().Be(SchemaMigrations.All.Count);
    }

    [Fact]
    public async Task A_schema_newer_than_the_code_is_refused_with_both_versions_and_the_fix()
    {
        await _stores.Database().EnsureSchemaAsync();
        await _stores.ExecuteAsync($"INSERT INTO {_stores.Schema}.schema_version (version, description) VALUES (99, 'from the future')");

        var store = new PostgresCheckpointStore(_stores.Database());
        var error = (await FluentActions.Awaiting(() => store.ListThreadsAsync()).Should().ThrowAsync<PostgresSchemaTooNewException>()).Which;

        error.DatabaseVersion.Should().Be(99);
        error.KnownVersion.Should().Be(SchemaMigrations.Latest);
        error.Message.Should().Contain("version 99").And.Contain("upgrade the package").And.Contain(_stores.Schema);
        await FluentActions.Awaiting(() => store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, new AgentState { Task = "x" })))
            .Should().ThrowAsync<PostgresSchemaTooNewException>("nothing is written into a schema this code does not understand");
    }

    [Theory]
    [InlineData("Host=localhost;Passwort=secret-pw")]
    [InlineData("Port=5432;Password=secret-pw")]
    [InlineData("Host=localhost;Port=notaport;Password=secret-pw")]
    public void A_malformed_connection_string_is_refused_without_repeating_the_password(string connectionString)
    {
        var error = FluentActions.Invoking(() => PostgresDatabase.Open(connectionString)).Should().Throw<ArgumentException>().Which;
        error.Message.Should().Contain("connection string").And.NotContain("secret-pw");
    }

    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        FluentActions.Invoking(() => PostgresDatabase.Open("Host=localhost", "x; DROP TABLE y")).Should().Throw<ArgumentException>().WithMessage("*schema name*");
    }
}
