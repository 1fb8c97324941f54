using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.PostgreSql.Tests.Contracts;
using Kaizen.Agents.PostgreSql.Tests.Support;

namespace Kaizen.Agents.PostgreSql.Tests.PostgreSql;

/// <summary>KAIZEN_STORE (or the options object) picks the stores; LiteDB stays the default.</summary>
[Trait("Category", "postgres-lib")]
public sealed class AgentStoresTests(PostgresServerFixture server)
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "kaizen-agent-stores", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LiteDB")]
    public async Task No_setting_or_litedb_selects_the_embedded_files(string? setting)
    {
        await using var stores = AgentStores.Open(new AgentStoreOptions { Store = setting, DataFolder = Folder });

        stores.IsPostgres.Should().BeFalse();
        using var checkpoints = stores.CreateCheckpointStore();
        checkpoints.Should().BeOfType<LiteDbCheckpointStore>().Which.Path.Should().Be(Path.Combine(Folder, "checkpoints.db"));
        await using var memory = stores.CreateMemory("s");
        memory.Should().BeOfType<LiteDbMemoryBackend>();
    }

    [Theory]
    [InlineData("Host=db.internal;Port=6543;Database=agents;Username=kaizen;Password=s3cret", "'db.internal:6543/agents'")]
    [InlineData("postgresql://kaizen:s3cret@db.internal:6543/agents", "'db.internal:6543/agents'")]
    public async Task A_connection_string_or_uri_selects_postgres_and_the_description_hides_the_password(string setting, string location)
    {
        await using var stores = AgentStores.Open(new AgentStoreOptions { Store = setting, DataFolder = Folder });

        stores.IsPostgres.Should().BeTrue();
        stores.Description.Should().Contain(location).And.NotContain("s3cret");
        stores.CreateCheckpointStore().Should().BeOfType<PostgresCheckpointStore>();
        stores.CreateApprovalStore().Should().BeOfType<PostgresApprovalStore>();
        stores.CreateAuditLog().Should().BeOfType<PostgresToolAuditLog>();
    }

    [Theory]
    [InlineData("mongodb")]
    [InlineData("postgresql://")]
    public void A_setting_that_is_neither_is_refused_with_what_is_expected(string setting)
    {
        FluentActions.Invoking(() => AgentStores.Open(new AgentStoreOptions { Store = setting }))
            .Should().Throw<ArgumentException>().WithMessage("*postgresql://user:password@host:5432/database*");
    }

    [Fact]
    public void The_environment_variable_is_read()
    {
        var before = Environment.GetEnvironmentVariable(AgentStoreOptions.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(AgentStoreOptions.EnvironmentVariable, "Host=example;Database=x");
            AgentStoreOptions.FromEnvironment(Folder).Should().Be(new AgentStoreOptions { Store = "Host=example;Database=x", DataFolder = Folder });
        }
        finally
        {
            Environment.SetEnvironmentVariable(AgentStoreOptions.EnvironmentVariable, before);
        }
    }

    [Fact]
    public async Task Stores_opened_from_a_connection_string_work_end_to_end()
    {
        await using var target = new Stores.PostgresStoreUnderTest(server);
        await using (var stores = AgentStores.Open(new AgentStoreOptions { Store = target.ConnectionString, Schema = target.Schema }))
        {
            var saved = await stores.CreateCheckpointStore().SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Manual, ContractData.Conversation(1)));
            await stores.CreateMemory("s").StoreTurnAsync("user", "hello", ContractData.Start);
            (await stores.CreateCheckpointStore().LoadAsync(saved.Id)).State.Turn.Should().Be(1);
            (await stores.CreateMemory("s").LoadHotTierAsync(1)).Single().Content.Should().Be("hello");
        }
        (await target.Database().GetSchemaVersionAsync()).Should().Be(SchemaMigrations.Latest);
    }
}
