using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class WarmTierTests
{
    [Fact]
    public async Task Warm_tier_is_the_last_window_of_turns_in_conversation_order()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await MemoryTestData.StoreMessagesAsync(memory, 60);

        var warm = await memory.LoadWarmTierAsync(20, TestContext.Current.CancellationToken);

        warm.Should().HaveCount(20);
        warm.Select(t => t.Sequence).Should().Equal(Enumerable.Range(40, 20).Select(i => (long)i));
        warm[0].Content.Should().Be("Message 40");
        warm[^1].Content.Should().Be("Message 59");
        warm[0].Timestamp.Should().Be(MemoryTestData.Start.AddSeconds(40));
        warm[0].Timestamp.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_window_larger_than_the_conversation_returns_everything()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await MemoryTestData.StoreMessagesAsync(memory, 7);

        var warm = await memory.LoadWarmTierAsync(50, TestContext.Current.CancellationToken);

        warm.Select(t => t.Content).Should().Equal(Enumerable.Range(0, 7).Select(i => $"Message {i}"));
    }

    [Fact]
    public async Task Negative_sizes_are_rejected()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await FluentActions.Awaiting(() => memory.LoadWarmTierAsync(-1)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => memory.LoadHotTierAsync(-1)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task The_in_memory_warm_window_follows_writes_updates_deletes_and_rewinds()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 4 });
        await MemoryTestData.StoreMessagesAsync(memory, 6);
        (await memory.LoadWarmTierAsync(4, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(2, 3, 4, 5);

        await MemoryTestData.StoreMessagesAsync(memory, 1, first: 6);
        var window = await memory.LoadWarmTierAsync(4, TestContext.Current.CancellationToken);
        window.Select(t => t.Sequence).Should().Equal(3, 4, 5, 6);

        await memory.UpdateTurnAsync(window[1].Id, "edited", cancellationToken: TestContext.Current.CancellationToken);
        await memory.DeleteTurnAsync(window[2].Id, TestContext.Current.CancellationToken);
        (await memory.LoadWarmTierAsync(4, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("Message 3", "edited", "Message 6");
        (await memory.LoadWarmTierAsync(2, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("Message 6");

        await memory.DeleteTurnsAfterAsync(3, TestContext.Current.CancellationToken);
        (await memory.LoadWarmTierAsync(4, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public async Task A_batch_of_turns_is_stored_in_order_and_durably()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        var batch = Enumerable.Range(0, 300).Select(i => new NewTurn("user", $"batch {i}", MemoryTestData.Start, new Dictionary<string, object?> { ["i"] = i }));

        var stored = await memory.StoreTurnsAsync(batch, TestContext.Current.CancellationToken);
        await memory.DisposeAsync();

        stored.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, 300).Select(i => (long)i));
        var reopened = folder.Open();
        var turns = await reopened.LoadTurnsAsync(0, 1000, TestContext.Current.CancellationToken);
        turns.Select(t => t.Content).Should().Equal(Enumerable.Range(0, 300).Select(i => $"batch {i}"));
    }
}
