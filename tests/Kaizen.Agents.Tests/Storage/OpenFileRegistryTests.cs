using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Storage;
using Kaizen.Agents.Tests.Memory;

namespace Kaizen.Agents.Tests.Storage;

[Trait("Category", "storage")]
public sealed class OpenFileRegistryTests
{
    [Fact]
    public async Task A_second_backend_with_other_session_options_is_refused_naming_both()
    {
        await using var folder = new TempMemoryFolder();
        await folder.Open(options: new MemoryOptions { HotTierSize = 3 }).InitializeAsync(TestContext.Current.CancellationToken);

        var second = folder.Open(options: new MemoryOptions { HotTierSize = 5 });
        var refused = await Assert.ThrowsAsync<MemoryStoreException>(() => second.InitializeAsync(TestContext.Current.CancellationToken));

        refused.Message.Should().Contain("HotTierSize = 3").And.Contain("HotTierSize = 5").And.Contain("session-1");
    }

    [Fact]
    public async Task A_second_backend_with_other_file_options_is_refused_naming_both()
    {
        await using var folder = new TempMemoryFolder();
        await folder.Open("a", new MemoryOptions { LockTimeout = TimeSpan.FromSeconds(10) }).InitializeAsync(TestContext.Current.CancellationToken);

        var second = folder.Open("b", new MemoryOptions { LockTimeout = TimeSpan.FromSeconds(20) });
        var refused = await Assert.ThrowsAsync<MemoryStoreException>(() => second.InitializeAsync(TestContext.Current.CancellationToken));

        refused.Message.Should().Contain("LockTimeout = 00:00:10").And.Contain("LockTimeout = 00:00:20").And.Contain(folder.DatabasePath);
    }

    [Fact]
    public async Task Backends_with_equal_options_share_the_file_and_the_session()
    {
        await using var folder = new TempMemoryFolder();
        var first = folder.Open(options: new MemoryOptions { HotTierSize = 4 });
        var second = folder.Open(options: new MemoryOptions { HotTierSize = 4 });
        await first.StoreTurnAsync("user", "shared", MemoryTestData.Start, cancellationToken: TestContext.Current.CancellationToken);

        (await second.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(1);
    }

    [Fact]
    public async Task A_memory_file_cannot_be_opened_as_a_checkpoint_store()
    {
        await using var folder = new TempMemoryFolder();
        await folder.Open().InitializeAsync(TestContext.Current.CancellationToken);

        var refused = Assert.Throws<InvalidOperationException>(() => new LiteDbCheckpointStore(folder.DatabasePath));

        refused.Message.Should().Contain(folder.DatabasePath).And.Contain("MemoryFile").And.Contain("CheckpointFile");
    }

    [Fact]
    public async Task A_relative_and_a_full_path_to_one_checkpoint_file_share_it()
    {
        await using var folder = new TempMemoryFolder();
        var full = folder.File("checkpoints.db");
        using var first = new LiteDbCheckpointStore(full);
        using var second = new LiteDbCheckpointStore(Path.GetRelativePath(Directory.GetCurrentDirectory(), full));
        var saved = await first.SaveAsync(new CheckpointWrite("thread-1", null, CheckpointKind.Manual, new AgentState { Task = "t" }), TestContext.Current.CancellationToken);

        (await second.LoadAsync(saved.Id, TestContext.Current.CancellationToken)).Info.Id.Should().Be(saved.Id);
    }

    [Fact]
    public void Paths_differing_only_in_case_are_two_files_on_Linux()
    {
        var sameFile = OpenFileRegistry.PathComparer.Equals("/data/Memory.db", "/data/memory.db");

        sameFile.Should().Be(!OperatingSystem.IsLinux());
    }
}
