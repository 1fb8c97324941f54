using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Tests.Agents.Support;
using LiteDB;

namespace Kaizen.Agents.Tests.Checkpoints;

/// <summary>
/// What only the LiteDB store does. Its round trips, compression, history, retention, damage detection and head
/// conflicts run in the store contract suite (tests/Kaizen.Agents.PostgreSql.Tests/Contracts), on LiteDB and PostgreSQL.
/// </summary>
[Trait("Category", "checkpoints")]
public sealed class LiteDbCheckpointStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    internal static AgentState Conversation(int turns, string task = "Summarise the quarterly report") => Kaizen.Testing.Samples.SampleConversations.Of(turns, task);

    private LiteDbCheckpointStore Open(CheckpointCompression compression = CheckpointCompression.Zstd) => new(_folder.File("checkpoints.db"), compression);

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
