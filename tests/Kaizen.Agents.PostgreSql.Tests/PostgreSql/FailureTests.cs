using System.Net;
using System.Net.Sockets;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.PostgreSql.Tests.Contracts;
using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.PostgreSql.Tests.Support;

namespace Kaizen.Agents.PostgreSql.Tests.PostgreSql;

/// <summary>Unreachable servers, lost connections and damaged rows: clear errors naming the store, nothing committed lost, the store still usable.</summary>
[Trait("Category", "postgres-lib")]
public sealed class FailureTests(PostgresServerFixture server) : IAsyncDisposable
{
    private readonly PostgresStoreUnderTest _stores = new(server);

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    [Fact]
    public async Task An_unreachable_server_is_named_without_the_password()
    {
        await using var database = PostgresDatabase.Open($"Host=127.0.0.1;Port={ClosedPort()};Database=agents;Username=kaizen;Password=secret-pw;Timeout=3");
        var store = new PostgresCheckpointStore(database);

        var error = (await FluentActions.Awaiting(() => store.ListThreadsAsync()).Should().ThrowAsync<PostgresStoreUnavailableException>()).Which;

        error.Message.Should().Contain("127.0.0.1:").And.Contain("/agents").And.Contain("unavailable").And.NotContain("secret-pw");
        error.Operation.Should().Be("creating or migrating the schema");
    }

    [Fact]
    public async Task A_lost_connection_fails_one_call_clearly_keeps_the_last_checkpoint_and_the_next_call_works()
    {
        var store = new PostgresCheckpointStore(_stores.Database());
        var memory = new PostgresMemoryBackend(_stores.Database(), "s");
        var saved = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, ContractData.Conversation(2)));
        await memory.StoreTurnAsync("user", "before the outage", ContractData.Start);

        (await _stores.ScalarAsync<long>($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{_stores.Schema}'"))
            .Should().BeGreaterThan(0, "the stores' pooled connections are cut");

        // A pooled connection that was cut fails the call that meets it, clearly; the pool is then cleared and the next call reconnects.
        await AtMostOneClearFailureAsync(() => store.LoadAsync(saved.Id));
        (await store.LoadAsync(saved.Id)).State.Turn.Should().Be(2, "the committed checkpoint is kept and the store reconnects");
        await AtMostOneClearFailureAsync(() => memory.StoreTurnAsync("user", "during the outage", ContractData.Start));
        await memory.StoreTurnAsync("user", "after the outage", ContractData.Start);
        (await memory.LoadHotTierAsync(5)).Select(t => t.Content).Should().StartWith("after the outage").And.EndWith("before the outage");
    }

    [Fact]
    public async Task A_row_with_an_unknown_compression_code_is_one_typed_error_naming_the_checkpoint()
    {
        var store = new PostgresCheckpointStore(_stores.Database());
        var first = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, ContractData.Conversation(1)));
        var second = await store.SaveAsync(new CheckpointWrite("t", first.Id, CheckpointKind.Auto, ContractData.Conversation(2)));
        await _stores.ExecuteAsync($"UPDATE {_stores.Schema}.checkpoints SET compression = 42 WHERE id = $1", second.Id);

        var error = (await FluentActions.Awaiting(() => store.LoadAsync(second.Id)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;

        error.CheckpointId.Should().Be(second.Id);
        error.Detail.Should().Contain("unknown compression code 42").And.Contain(_stores.Schema);
        error.PreviousValidCheckpointId.Should().Be(first.Id);
        (await store.LoadAsync(first.Id)).State.Turn.Should().Be(1);
    }

    [Fact]
    public async Task A_turn_with_damaged_metadata_is_one_typed_error_naming_the_turn()
    {
        var memory = new PostgresMemoryBackend(_stores.Database(), "s");
        var fine = await memory.StoreTurnAsync("user", "fine", ContractData.Start, new Dictionary<string, object?> { ["k"] = 1 });
        var damaged = await memory.StoreTurnAsync("user", "damaged", ContractData.Start, new Dictionary<string, object?> { ["k"] = 2 });
        await _stores.ExecuteAsync($"UPDATE {_stores.Schema}.memory_turns SET metadata = '\\x0102'::bytea WHERE sequence = $1", damaged.Sequence);

        var error = (await FluentActions.Awaiting(() => memory.LoadHotTierAsync(2)).Should().ThrowAsync<MemoryStoreDamagedException>()).Which;

        error.Message.Should().Contain($"Turn {damaged.Sequence} of session 's'").And.Contain(_stores.Location);
        (await memory.GetTurnAsync(fine.Id))!.Metadata["k"].Should().Be(1, "the other turns still read, and the backend stays usable");
    }

    private async Task AtMostOneClearFailureAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PostgresStoreUnavailableException error)
        {
            error.Message.Should().Contain(_stores.Location).And.Contain("Nothing of this call was committed");
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
