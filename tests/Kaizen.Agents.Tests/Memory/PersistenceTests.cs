using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class PersistenceTests
{
    [Fact]
    public async Task A_new_backend_on_the_same_file_and_session_sees_the_same_hot_warm_and_cold_content()
    {
        await using var folder = new TempMemoryFolder();
        var options = new MemoryOptions { WarmTierSize = 5 };
        var before = folder.Open(options: options);
        await before.StoreTurnAsync("user", "remember the blue umbrella", MemoryTestData.Start);
        await MemoryTestData.StoreMessagesAsync(before, 12, first: 1);
        var hot = await before.LoadHotTierAsync(4, TestContext.Current.CancellationToken);
        var warm = await before.LoadWarmTierAsync(5, TestContext.Current.CancellationToken);
        await before.DisposeAsync();

        var after = folder.Open(options: options);

        (await after.LoadHotTierAsync(4, TestContext.Current.CancellationToken)).Should().BeEquivalentTo(hot, o => o.WithStrictOrdering());
        (await after.LoadWarmTierAsync(5, TestContext.Current.CancellationToken)).Should().BeEquivalentTo(warm, o => o.WithStrictOrdering());
        (await after.SearchColdAsync("blue umbrella", 1, TestContext.Current.CancellationToken))[0].Turn.Sequence.Should().Be(0);
        (await after.StoreTurnAsync("user", "next", MemoryTestData.Start)).Sequence.Should().Be(13);
    }

    [Fact]
    public async Task Turns_written_by_a_process_that_exited_are_all_there()
    {
        await using var folder = new TempMemoryFolder();
        var result = await TestWriterProcess.RunAsync(folder.DatabasePath, "from-child", writer: 7, turns: 25, "single", "per-turn");
        result.ExitCode.Should().Be(0, result.Output);

        var memory = folder.Open("from-child");
        (await memory.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(25);
        var hot = await memory.LoadHotTierAsync(1, TestContext.Current.CancellationToken);
        hot[0].Content.Should().Be("writer 7 turn 24");
        hot[0].Metadata["writer"].Should().Be(7);
    }

    [Fact]
    public async Task A_writer_killed_mid_run_leaves_a_readable_file_with_a_gap_free_prefix_of_its_turns()
    {
        await using var folder = new TempMemoryFolder();
        using var child = TestWriterProcess.Start(folder.DatabasePath, "killed", writer: 3, turns: 1_000_000, "single", "per-turn");
        string? line;
        do line = await child.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        while (line is not null && !line.StartsWith("progress 300", StringComparison.Ordinal));
        line.Should().NotBeNull("the writer should report progress before it is killed");

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);

        var memory = folder.Open("killed");
        var turns = await memory.LoadTurnsAsync(0, 2_000_000, TestContext.Current.CancellationToken);
        turns.Count.Should().BeGreaterThanOrEqualTo(300);
        turns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, turns.Count).Select(i => (long)i));
        turns.Should().OnlyContain(t => t.Content == $"writer 3 turn {t.Sequence}");
        (await memory.StoreTurnAsync("user", "after the crash", MemoryTestData.Start)).Sequence.Should().Be(turns.Count);
    }
}
