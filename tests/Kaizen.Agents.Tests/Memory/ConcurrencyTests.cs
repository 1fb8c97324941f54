using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class ConcurrencyTests
{
    private const int Writers = 8;
    private const int TurnsPerWriter = 1000;

    [Theory]
    [InlineData(MemoryDurability.GroupCommit)]
    [InlineData(MemoryDurability.PerTurn)]
    public async Task Eight_threads_writing_1000_turns_each_to_one_session_lose_nothing(MemoryDurability durability)
    {
        await using var folder = new TempMemoryFolder();
        var options = new MemoryOptions { Durability = durability };
        var backends = Enumerable.Range(0, Writers).Select(_ => folder.Open("crowd", options)).ToArray();

        var writers = backends.Select((memory, writer) => Task.Run(async () =>
        {
            for (var n = 0; n < TurnsPerWriter; n++)
                await memory.StoreTurnAsync("user", $"writer {writer} turn {n}", MemoryTestData.Start, new Dictionary<string, object?> { ["writer"] = writer, ["n"] = n });
        })).ToArray();
        await Task.WhenAll(writers);
        foreach (var backend in backends) await backend.DisposeAsync();

        await AssertAllTurnsPresentAsync(folder, "crowd");
    }

    [Fact]
    public async Task Concurrent_group_commit_writers_share_transactions_and_each_gets_its_own_turn_back()
    {
        await using var folder = new TempMemoryFolder();
        await using var memory = folder.Open("shared", new MemoryOptions { Durability = MemoryDurability.GroupCommit });
        await memory.InitializeAsync(TestContext.Current.CancellationToken);

        var stored = await Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
        {
            var mine = new List<MemoryTurn>();
            for (var n = 0; n < 100; n++) mine.Add(await memory.StoreTurnAsync("user", $"writer {writer} turn {n}", MemoryTestData.Start));
            return mine;
        })));

        stored.SelectMany(turns => turns).Select(turn => turn.Sequence).Should().OnlyHaveUniqueItems().And.HaveCount(1600);
        stored.Should().AllSatisfy(turns => turns.Select(turn => turn.Sequence).Should().BeInAscendingOrder());
        var read = await memory.LoadTurnsAsync(0, 2000, TestContext.Current.CancellationToken);
        read.ToDictionary(turn => turn.Id, turn => turn.Content).Should().BeEquivalentTo(
            stored.SelectMany(turns => turns).ToDictionary(turn => turn.Id, turn => turn.Content));
        memory.Writer!.CommittedWrites.Should().Be(1600);
        memory.Writer.Commits.Should().BeLessThan(1600, "writers queued while a commit ran share the next one");
    }

    [Fact]
    public async Task Eight_threads_writing_to_eight_sessions_keep_each_session_contiguous()
    {
        const int turnsPerSession = 250; // eight interleaved key ranges make every commit touch more pages; 250 proves the point

        await using var folder = new TempMemoryFolder();
        var options = new MemoryOptions { Durability = MemoryDurability.GroupCommit };
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var memory = folder.Open($"agent-{writer}", options);
            for (var n = 0; n < turnsPerSession; n++) await memory.StoreTurnAsync("user", $"turn {n}", MemoryTestData.Start);
        })).ToArray();
        await Task.WhenAll(writers);

        for (var writer = 0; writer < Writers; writer++)
        {
            var memory = folder.Open($"agent-{writer}");
            var turns = await memory.LoadTurnsAsync(0, 2 * turnsPerSession, TestContext.Current.CancellationToken);
            turns.Select(t => t.Content).Should().Equal(Enumerable.Range(0, turnsPerSession).Select(n => $"turn {n}"));
            turns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, turnsPerSession).Select(n => (long)n));
        }
    }

    [Fact]
    public async Task Eight_processes_writing_1000_turns_each_to_one_file_lose_nothing_and_never_fail()
    {
        await using var folder = new TempMemoryFolder();
        var processes = Enumerable.Range(0, Writers)
            .Select(writer => TestWriterProcess.Start(folder.DatabasePath, "crowd", writer, TurnsPerWriter, "multi", "per-turn"))
            .ToArray();

        var results = await Task.WhenAll(processes.Select(TestWriterProcess.WaitAsync));

        results.Should().OnlyContain(r => r.ExitCode == 0 && r.Output.Contains("stored 1000") && !r.Output.Contains("locked"),
            string.Join("\n---\n", results.Select(r => r.Output)));
        await AssertAllTurnsPresentAsync(folder, "crowd");
    }

    internal static async Task AssertAllTurnsPresentAsync(TempMemoryFolder folder, string session)
    {
        var memory = folder.Open(session);
        var turns = await memory.LoadTurnsAsync(0, Writers * TurnsPerWriter * 2, TestContext.Current.CancellationToken);

        turns.Should().HaveCount(Writers * TurnsPerWriter);
        turns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, Writers * TurnsPerWriter).Select(i => (long)i));
        foreach (var group in turns.GroupBy(t => (int)t.Metadata["writer"]!))
        {
            group.Select(t => (int)t.Metadata["n"]!).Should().Equal(Enumerable.Range(0, TurnsPerWriter), $"writer {group.Key} stores its turns in order");
            group.Should().OnlyContain(t => t.Content == $"writer {group.Key} turn {t.Metadata["n"]}");
        }

        turns.Select(t => (int)t.Metadata["writer"]!).Distinct().Should().HaveCount(Writers);
    }
}
