using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory")]
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
}
