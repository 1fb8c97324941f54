using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Caching;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class HotTierTests
{
    [Fact]
    public async Task Hot_tier_returns_the_newest_turns_newest_first()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await MemoryTestData.StoreMessagesAsync(memory, 10);

        var hot = await memory.LoadHotTierAsync(5, TestContext.Current.CancellationToken);

        hot.Select(t => t.Content).Should().Equal("Message 9", "Message 8", "Message 7", "Message 6", "Message 5");
        hot.Select(t => t.Sequence).Should().Equal(9, 8, 7, 6, 5);
        hot[0].Role.Should().Be("assistant");
        hot[^1].Role.Should().Be("assistant");
    }

    [Fact]
    public async Task Hot_tier_is_served_from_the_in_process_cache()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { HotTierSize = 10 });
        await MemoryTestData.StoreMessagesAsync(memory, 30);

        await memory.LoadHotTierAsync(10, TestContext.Current.CancellationToken);
        var stats = memory.HotTierStatistics;

        stats.Hits.Should().Be(10);
        stats.Misses.Should().Be(0);
        stats.Count.Should().Be(10);
        stats.Evictions.Should().Be(20, "30 turns passed through a 10-turn cache");
    }

    [Fact]
    public async Task Asking_for_more_than_the_cache_holds_reads_the_rest_from_the_file()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { HotTierSize = 3 });
        await MemoryTestData.StoreMessagesAsync(memory, 8);

        var hot = await memory.LoadHotTierAsync(6, TestContext.Current.CancellationToken);

        hot.Select(t => t.Sequence).Should().Equal(7, 6, 5, 4, 3, 2);
        memory.HotTierStatistics.Misses.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Hot_tier_entries_expire_after_the_time_to_live()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(MemoryTestData.Start);
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { HotTierTimeToLive = TimeSpan.FromMinutes(5), TimeProvider = clock });
        await MemoryTestData.StoreMessagesAsync(memory, 4);

        clock.Advance(TimeSpan.FromMinutes(6));
        var hot = await memory.LoadHotTierAsync(4, TestContext.Current.CancellationToken);

        hot.Select(t => t.Content).Should().Equal("Message 3", "Message 2", "Message 1", "Message 0");
        memory.HotTierStatistics.Expirations.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Empty_and_unknown_sessions_have_an_empty_hot_tier()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open("never-written");

        (await memory.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await memory.LoadWarmTierAsync(5, TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await memory.SearchColdAsync("anything", 3, TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await memory.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        (await memory.GetLastSequenceAsync(TestContext.Current.CancellationToken)).Should().Be(-1);
    }

    [Theory]
    [InlineData(EvictionPolicy.Lru)]
    [InlineData(EvictionPolicy.Lfu)]
    [InlineData(EvictionPolicy.Fifo)]
    public async Task Every_eviction_policy_returns_the_same_hot_tier(EvictionPolicy policy)
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { HotTierSize = 4, HotTierEvictionPolicy = policy });
        await MemoryTestData.StoreMessagesAsync(memory, 12);
        await memory.LoadHotTierAsync(2, TestContext.Current.CancellationToken);

        var hot = await memory.LoadHotTierAsync(4, TestContext.Current.CancellationToken);

        hot.Select(t => t.Sequence).Should().Equal(11, 10, 9, 8);
    }
}
