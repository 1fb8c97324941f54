using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tests.Agents.Support;

namespace Kaizen.Agents.Tests.Checkpoints;

/// <summary>Stores open only files they wrote: anything else is refused with an error naming the file, and left as it was.</summary>
[Trait("Category", "checkpoints")]
public sealed class StoreIntegrityTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static AgentState State(int turn) => new() { Task = "t", Turn = turn, MaxTurns = 20, Conversation = [new ConversationEntry("user", $"turn {turn}", turn)] };

    private async Task<string> TenCheckpointStore()
    {
        var path = Path.Combine(_folder.Path, "checkpoints.db");
        using var store = new LiteDbCheckpointStore(path);
        string? parent = null;
        for (var turn = 1; turn <= 10; turn++)
            parent = (await store.SaveAsync(new CheckpointWrite("thread-a", parent, CheckpointKind.Auto, State(turn)), Ct)).Id;
        return path;
    }

    public static TheoryData<string> Damages => ["text", "empty", "100-bytes", "half"];

    private static void Damage(string path, string how)
    {
        switch (how)
        {
            case "text": File.WriteAllText(path, "just some notes\nnot a database\n"); break;
            case "empty": File.WriteAllBytes(path, []); break;
            case "100-bytes": File.WriteAllBytes(path, File.ReadAllBytes(path)[..100]); break;
            default:
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Checkpoint_store_refuses_a_file_it_did_not_write_and_leaves_it_untouched(string how)
    {
        var path = await TenCheckpointStore();
        Damage(path, how);
        var before = File.ReadAllBytes(path);

        var error = FluentActions.Invoking(() =>
        {
            using var store = new LiteDbCheckpointStore(path);
            store.ListAsync("thread-a", Ct).GetAwaiter().GetResult();
            store.SaveAsync(new CheckpointWrite("thread-b", null, CheckpointKind.Manual, State(1)), Ct).GetAwaiter().GetResult();
        }).Should().Throw<IOException>().Which;

        error.GetType().Name.Should().Be("CheckpointStoreDamagedException");
        error.Message.Should().Contain(path);
        error.Message.Should().NotContain("another process", "the file is damaged, not locked");
        File.ReadAllBytes(path).Should().Equal(before, "a refused file is never overwritten");
    }

    [Fact]
    public async Task A_new_path_still_creates_a_checkpoint_store()
    {
        var path = Path.Combine(_folder.Path, "new", "checkpoints.db");
        using var store = new LiteDbCheckpointStore(path);
        await store.SaveAsync(new CheckpointWrite("t", null, CheckpointKind.Manual, State(1)), Ct);
        (await store.ListAsync("t", Ct)).Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Memory_store_refuses_a_damaged_or_foreign_file_and_leaves_it_untouched(string how)
    {
        var path = Path.Combine(_folder.Path, "memory.db");
        await using (var memory = new LiteDbMemoryBackend(path, "s1"))
        {
            for (var i = 0; i < 50; i++) await memory.StoreTurnAsync("user", $"turn number {i} " + new string('x', 200), DateTimeOffset.UnixEpoch, cancellationToken: Ct);
        }
        Damage(path, how);
        var before = File.ReadAllBytes(path);

        var error = await FluentActions.Awaiting(async () =>
        {
            await using var memory = new LiteDbMemoryBackend(path, "s1");
            await memory.CountTurnsAsync(Ct);
            await memory.StoreTurnAsync("user", "new", DateTimeOffset.UnixEpoch, cancellationToken: Ct);
        }).Should().ThrowAsync<MemoryStoreException>();

        error.Which.GetType().Name.Should().Be("MemoryStoreDamagedException");
        error.Which.Message.Should().Contain(path);
        File.ReadAllBytes(path).Should().Equal(before, "a refused file is never overwritten");
    }
}
