using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Tests.Agents.Support;
using LiteDB;

namespace Kaizen.Agents.Tests.Checkpoints;

[Trait("Category", "checkpoints")]
public sealed class LiteDbCheckpointStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static AgentState Conversation(int turns, string task = "Summarise the quarterly report") => new()
    {
        Task = task,
        Turn = turns,
        MaxTurns = 100,
        Conversation = [new ConversationEntry("user", "Task: " + task, 0),
            .. Enumerable.Range(1, turns).SelectMany(t => new[]
            {
                new ConversationEntry("assistant", $"{{\"done\":false,\"thought\":\"Turn {t}: I read section {t} of the report and noted the revenue, cost and margin figures for the summary.\"}}", t,
                    [new ToolCallRecord($"call_{t}_0", "read_section", $"{{\"section\":{t}}}")]),
                new ConversationEntry("tool", $"Section {t}: revenue grew {t}% while costs fell; margin improved across the region.", t,
                    Result: new ToolResultRecord($"call_{t}_0", "read_section", "Succeeded", $"\"Section {t}: revenue grew {t}% while costs fell; margin improved across the region.\"")),
            })],
        InputTokens = 1000L * turns,
        OutputTokens = 100L * turns,
        Extensions = new Dictionary<string, string> { ["plan"] = "{\"steps\":[\"read\",\"summarise\"]}" },
    };

    private LiteDbCheckpointStore Open(CheckpointCompression compression = CheckpointCompression.Zstd) => new(_folder.File("checkpoints.db"), compression);

    [Theory]
    [InlineData(CheckpointCompression.None)]
    [InlineData(CheckpointCompression.Brotli)]
    [InlineData(CheckpointCompression.Zstd)]
    public async Task A_saved_state_loads_back_identical_after_reopening_the_file(CheckpointCompression compression)
    {
        var state = Conversation(10);
        CheckpointInfo info;
        using (var store = Open(compression)) info = await store.SaveAsync(new CheckpointWrite("t1", null, CheckpointKind.Manual, state));

        using var reopened = Open(compression);
        var loaded = await reopened.LoadAsync(info.Id);

        CheckpointCodec.Encode(loaded.State, CheckpointCompression.None).Sha256.Should().Be(info.Sha256);
        loaded.State.Conversation.Should().HaveCount(21);
        loaded.State.Conversation[1].Calls![0].ArgumentsJson.Should().Be("{\"section\":1}");
        loaded.Info.Should().Be(info);
        info.Compression.Should().Be(compression);
        info.RawSize.Should().Be(CheckpointCodec.Encode(state, CheckpointCompression.None).RawSize);
    }

    [Fact]
    public async Task Compression_records_raw_and_stored_sizes_and_shrinks_a_conversation()
    {
        using var store = Open(CheckpointCompression.Zstd);
        var info = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(10)));
        info.StoredSize.Should().BeLessThan(info.RawSize);
        info.CompressionRatio.Should().BeLessThan(0.5);
    }

    [Theory]
    [InlineData(3, CheckpointCompression.Brotli)]
    [InlineData(400, CheckpointCompression.Zstd)]
    public async Task Auto_compression_records_the_algorithm_it_chose_by_state_size_and_loads_back(int turns, CheckpointCompression expected)
    {
        var state = Conversation(turns);
        CheckpointInfo info;
        using (var store = Open(CheckpointCompression.Auto)) info = await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, state));

        info.Compression.Should().Be(expected, "a {0}-byte state is {1} the small-state limit", info.RawSize,
            info.RawSize <= CheckpointCodec.SmallStateBytes ? "under" : "over");
        using var reopened = Open(CheckpointCompression.None);
        var loaded = await reopened.LoadAsync(info.Id);
        CheckpointCodec.Encode(loaded.State, CheckpointCompression.None).Sha256.Should().Be(info.Sha256);
    }

    [Fact]
    public void Auto_compression_stores_a_small_state_in_fewer_bytes_than_either_fixed_setting()
    {
        var state = Conversation(3);
        CheckpointCodec.Encode(state, CheckpointCompression.None).RawSize.Should().BeLessThanOrEqualTo(CheckpointCodec.SmallStateBytes);
        var auto = CheckpointCodec.Encode(state, CheckpointCompression.Auto).Stored.Length;
        auto.Should().BeLessThan(CheckpointCodec.Encode(state, CheckpointCompression.Zstd).Stored.Length);
        auto.Should().BeLessThan(CheckpointCodec.Encode(state, CheckpointCompression.Brotli).Stored.Length);
    }

    [Fact]
    public async Task Threads_list_oldest_first_and_retention_keeps_the_newest()
    {
        using var store = Open();
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
    }

    [Fact]
    public async Task An_unknown_id_says_where_it_looked()
    {
        using var store = Open();
        var error = (await FluentActions.Awaiting(() => store.LoadAsync("nope")).Should().ThrowAsync<CheckpointNotFoundException>()).Which;
        error.Message.Should().Contain("'nope'").And.Contain(store.Path);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    public async Task A_damaged_checkpoint_is_detected_and_the_previous_valid_one_is_offered(string damage)
    {
        string first, second, third;
        using (var store = Open())
        {
            first = (await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)))).Id;
            second = (await store.SaveAsync(new CheckpointWrite("t", first, CheckpointKind.Auto, Conversation(2)))).Id;
            third = (await store.SaveAsync(new CheckpointWrite("t", second, CheckpointKind.Auto, Conversation(3)))).Id;
        }
        using (var raw = new LiteDatabase(_folder.File("checkpoints.db")))
        {
            var collection = raw.GetCollection("checkpoints");
            foreach (var id in new[] { second, third })
            {
                var doc = collection.FindById(id);
                var payload = doc["payload"].AsBinary;
                doc["payload"] = damage == "flip" ? payload.Select((b, i) => i == payload.Length / 2 ? (byte)(b ^ 0xFF) : b).ToArray() : payload[..(payload.Length / 2)];
                collection.Update(doc);
            }
        }

        using var reopened = Open();
        var error = (await FluentActions.Awaiting(() => reopened.LoadAsync(third)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;

        error.CheckpointId.Should().Be(third);
        error.PreviousValidCheckpointId.Should().Be(first);
        error.Message.Should().Contain($"Checkpoint '{third}' is corrupted").And.Contain($"Resume from the previous valid checkpoint '{first}'");
        (await reopened.LoadAsync(first)).State.Turn.Should().Be(1);
    }

    [Fact]
    public async Task A_checksum_mismatch_is_named_as_such()
    {
        string id;
        using (var store = Open(CheckpointCompression.None)) id = (await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)))).Id;
        using (var raw = new LiteDatabase(_folder.File("checkpoints.db")))
        {
            var collection = raw.GetCollection("checkpoints");
            var doc = collection.FindById(id);
            var payload = doc["payload"].AsBinary;
            var text = System.Text.Encoding.UTF8.GetString(payload).Replace("Turn 1", "Turn 9", StringComparison.Ordinal);
            doc["payload"] = System.Text.Encoding.UTF8.GetBytes(text);
            collection.Update(doc);
        }
        using var reopened = Open(CheckpointCompression.None);
        var error = (await FluentActions.Awaiting(() => reopened.LoadAsync(id)).Should().ThrowAsync<CheckpointCorruptedException>()).Which;
        error.Detail.Should().StartWith("SHA-256 mismatch");
        error.PreviousValidCheckpointId.Should().BeNull();
        error.Message.Should().Contain("No earlier valid checkpoint exists in its thread");
    }

    [Fact]
    public async Task Stores_on_one_file_in_one_process_see_each_others_checkpoints_at_once()
    {
        // Both are open before anything is written, as with two agents on the same data folder.
        var first = new LiteDbCheckpointStore(_folder.File("checkpoints.db"), durable: false);
        var second = new LiteDbCheckpointStore(_folder.File("checkpoints.db"), durable: false);

        var fromFirst = await first.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Auto, Conversation(1)));
        (await second.LoadAsync(fromFirst.Id)).State.Turn.Should().Be(1);
        var fromSecond = await second.SaveAsync(new CheckpointWrite("t", fromFirst.Id, CheckpointKind.Auto, Conversation(2)));
        (await first.ListAsync("t")).Select(c => c.Id).Should().Equal(fromFirst.Id, fromSecond.Id);

        first.Dispose();
        first.Dispose();
        (await second.LoadAsync(fromFirst.Id)).State.Turn.Should().Be(1, "closing one store leaves the file open for the other");
        second.Dispose();
        using var reopened = Open();
        (await reopened.ListAsync("t")).Select(c => c.Turn).Should().Equal(1, 2);
    }
}
