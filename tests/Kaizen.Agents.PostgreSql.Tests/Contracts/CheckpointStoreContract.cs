using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.PostgreSql.Tests.Stores;
using static Kaizen.Agents.PostgreSql.Tests.Contracts.ContractData;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>What every <see cref="ICheckpointStore"/> guarantees: checksummed round trips, compression, history, retention, head conflicts.</summary>
public abstract class CheckpointStoreContract(IStoreUnderTest stores) : IAsyncDisposable
{
    protected IStoreUnderTest Stores { get; } = stores;

    public ValueTask DisposeAsync() => Stores.DisposeAsync();

    [Theory]
    [InlineData(CheckpointCompression.None)]
    [InlineData(CheckpointCompression.Brotli)]
    [InlineData(CheckpointCompression.Zstd)]
    public async Task A_saved_state_loads_back_identical_after_reopening(CheckpointCompression compression)
    {
        var state = Conversation(10);
        CheckpointInfo info;
        using (var store = Stores.OpenCheckpoints(compression)) info = await store.SaveAsync(new CheckpointWrite("t1", null, CheckpointKind.Manual, state));

        using var reopened = Stores.OpenCheckpoints(compression);
        var loaded = await reopened.LoadAsync(info.Id);

        Hash(loaded.State).Should().Be(info.Sha256).And.Be(Hash(state));
        loaded.Info.Should().Be(info);
        loaded.State.Conversation[1].Calls![0].ArgumentsJson.Should().Be("{\"section\":1}");
        info.Compression.Should().Be(compression);
        if (compression != CheckpointCompression.None) info.StoredSize.Should().BeLessThan(info.RawSize);
    }

    [Theory]
    [InlineData(3, CheckpointCompression.Brotli)]
    [InlineData(400, CheckpointCompression.Zstd)]
    public async Task Auto_compression_records_the_algorithm_it_chose(int turns, CheckpointCompression expected)
    {
        using var store = Stores.OpenCheckpoints(CheckpointCompression.Auto);
        var info = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(turns)));

        info.Compression.Should().Be(expected);
        Hash((await store.LoadAsync(info.Id)).State).Should().Be(info.Sha256);
    }

    [Fact]
    public async Task Threads_list_oldest_first_retention_keeps_the_newest_and_prune_trims()
    {
        using var store = Stores.OpenCheckpoints();
        string? parent = null;
        for (var turn = 1; turn <= 5; turn++)
            parent = (await store.SaveAsync(new CheckpointWrite("a", parent, CheckpointKind.Auto, Conversation(turn), KeepLast: 3))).Id;
        await store.SaveAsync(new CheckpointWrite("b", null, CheckpointKind.Auto, Conversation(1)));

        var list = await store.ListAsync("a");
        list.Select(c => c.Turn).Should().Equal(3, 4, 5);
        list[2].ParentId.Should().Be(list[1].Id);
        (await store.ListThreadsAsync()).Should().BeEquivalentTo("a", "b");
        (await store.PruneAsync("a", 1)).Should().Be(2);
        (await store.ListAsync("a")).Should().ContainSingle().Which.Turn.Should().Be(5);
        (await store.ListAsync("nobody")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_id_says_where_it_looked()
    {
        using var store = Stores.OpenCheckpoints();
        var error = (await FluentActions.Awaiting(() => store.LoadAsync("nope")).Should().ThrowAsync<CheckpointNotFoundException>()).Which;
        error.Message.Should().Contain("'nope'").And.Contain(Stores.Location);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    public async Task A_damaged_checkpoint_is_detected_and_the_previous_valid_one_is_offered(string damage)
    {
        string first, second, third;
        using (var store = Stores.OpenCheckpoints())
        {
            first = (await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)))).Id;
            second = (await store.SaveAsync(new CheckpointWrite("t", first, CheckpointKind.Auto, Conversation(2)))).Id;
            third = (await store.SaveAsync(new CheckpointWrite("t", second, CheckpointKind.Auto, Conversation(3)))).Id;
        }
        Func<byte[], byte[]> change = damage == "flip"
            ? payload => payload.Select((b, i) => i == payload.Length / 2 ? (byte)(b ^ 0xFF) : b).ToArray()
            : payload => payload[..(payload.Length / 2)];
        await Stores.DamageCheckpointAsync(second, change);
        await Stores.DamageCheckpointAsync(third, change);

        using var reopened = Stores.OpenCheckpoints();
        var error = (await FluentActions.Awaiting(() => reopened.LoadAsync(third)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;

        error.CheckpointId.Should().Be(third);
        error.PreviousValidCheckpointId.Should().Be(first);
        error.Message.Should().Contain($"Resume from the previous valid checkpoint '{first}'");
        (await reopened.LoadAsync(first)).State.Turn.Should().Be(1, "the store stays usable after the failed load");
    }

    [Fact]
    public async Task A_checksum_mismatch_is_named_as_such()
    {
        string id;
        using (var store = Stores.OpenCheckpoints(CheckpointCompression.None)) id = (await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)))).Id;
        await Stores.DamageCheckpointAsync(id, payload =>
            System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(payload).Replace("Turn 1", "Turn 9", StringComparison.Ordinal)));

        using var reopened = Stores.OpenCheckpoints(CheckpointCompression.None);
        var error = (await FluentActions.Awaiting(() => reopened.LoadAsync(id)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;
        error.Detail.Should().StartWith("SHA-256 mismatch");
        error.PreviousValidCheckpointId.Should().BeNull();
    }

    [Fact]
    public async Task A_save_that_expects_a_stale_head_is_refused_and_writes_nothing()
    {
        using var store = Stores.OpenCheckpoints();
        var first = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)));
        var winner = await store.SaveAsync(new CheckpointWrite("t", first.Id, CheckpointKind.Auto, Conversation(2)) { ExpectedHeadId = first.Id });

        var loser = new CheckpointWrite("t", first.Id, CheckpointKind.Auto, Conversation(2)) { ExpectedHeadId = first.Id };
        var error = (await FluentActions.Awaiting(() => store.SaveAsync(loser)).Should().ThrowAsync<CheckpointConflictException>()).Which;

        error.ThreadId.Should().Be("t");
        error.ExpectedHeadId.Should().Be(first.Id);
        error.ActualHeadId.Should().Be(winner.Id);
        error.Message.Should().Contain("Nothing was saved");
        (await store.ListAsync("t")).Select(c => c.Id).Should().Equal(first.Id, winner.Id);
        var next = await store.SaveAsync(new CheckpointWrite("t", winner.Id, CheckpointKind.Auto, Conversation(3)) { ExpectedHeadId = winner.Id });
        (await store.ListAsync("t")).Last().Id.Should().Be(next.Id, "the store stays usable after a refused save");
    }

    [Fact]
    public async Task Two_stores_on_the_same_data_see_each_others_checkpoints_at_once()
    {
        using var first = Stores.OpenCheckpoints();
        using var second = Stores.OpenCheckpoints();

        var fromFirst = await first.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)));
        (await second.LoadAsync(fromFirst.Id)).State.Turn.Should().Be(1);
        var fromSecond = await second.SaveAsync(new CheckpointWrite("t", fromFirst.Id, CheckpointKind.Auto, Conversation(2)));
        (await first.ListAsync("t")).Select(c => c.Id).Should().Equal(fromFirst.Id, fromSecond.Id);
    }
}
