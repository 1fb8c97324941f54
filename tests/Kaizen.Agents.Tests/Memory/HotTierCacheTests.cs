using Kaizen.Agents.Memory.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class HotTierCacheTests
{
    [Fact]
    public void Lru_evicts_the_least_recently_used_entry()
    {
        var cache = new HotTierCache<string, int>(2, EvictionPolicy.Lru);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _).Should().BeTrue();

        cache.Set("c", 3);

        cache.ContainsKey("a").Should().BeTrue();
        cache.ContainsKey("b").Should().BeFalse();
        cache.ContainsKey("c").Should().BeTrue();
    }

    [Fact]
    public void Fifo_evicts_the_oldest_entry_even_if_it_was_read()
    {
        var cache = new HotTierCache<string, int>(2, EvictionPolicy.Fifo);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _).Should().BeTrue();

        cache.Set("c", 3);

        cache.ContainsKey("a").Should().BeFalse();
        cache.ContainsKey("b").Should().BeTrue();
    }

    [Fact]
    public void Lfu_evicts_the_least_frequently_used_entry_and_breaks_ties_by_recency()
    {
        var cache = new HotTierCache<string, int>(3, EvictionPolicy.Lfu);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.TryGet("a", out _);
        cache.TryGet("a", out _);
        cache.TryGet("c", out _);

        cache.Set("d", 4); // b was read least (never)
        cache.ContainsKey("b").Should().BeFalse();

        cache.Set("e", 5); // c and d... d has 1 (set), c has 2: d goes
        cache.ContainsKey("d").Should().BeFalse();
        cache.ContainsKey("a").Should().BeTrue();
        cache.ContainsKey("c").Should().BeTrue();
        cache.ContainsKey("e").Should().BeTrue();
    }

    [Fact]
    public void Entries_expire_after_the_time_to_live_and_count_as_misses()
    {
        var clock = new FakeTimeProvider();
        var cache = new HotTierCache<int, string>(4, EvictionPolicy.Lru, TimeSpan.FromSeconds(30), clock);
        cache.Set(1, "one");

        clock.Advance(TimeSpan.FromSeconds(29));
        cache.TryGet(1, out var value).Should().BeTrue();
        value.Should().Be("one");

        clock.Advance(TimeSpan.FromSeconds(2));
        cache.TryGet(1, out _).Should().BeFalse();

        var stats = cache.GetStatistics();
        stats.Should().BeEquivalentTo(new { Hits = 1L, Misses = 1L, Expirations = 1L, Evictions = 0L, Count = 0, Capacity = 4 });
        stats.HitRate.Should().Be(0.5);
    }

    [Fact]
    public void Statistics_count_hits_misses_and_evictions()
    {
        var cache = new HotTierCache<int, int>(2);
        cache.Set(1, 1);
        cache.Set(2, 2);
        cache.Set(3, 3);
        cache.TryGet(3, out _);
        cache.TryGet(1, out _);

        cache.GetStatistics().Should().BeEquivalentTo(new { Hits = 1L, Misses = 1L, Evictions = 1L, Count = 2 });
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        var zeroCapacity = () => new HotTierCache<int, int>(0);
        var negativeTtl = () => new HotTierCache<int, int>(1, EvictionPolicy.Lru, TimeSpan.FromSeconds(-1));
        zeroCapacity.Should().Throw<ArgumentOutOfRangeException>();
        negativeTtl.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(EvictionPolicy.Lru)]
    [InlineData(EvictionPolicy.Lfu)]
    [InlineData(EvictionPolicy.Fifo)]
    public void Concurrent_use_keeps_the_capacity(EvictionPolicy policy)
    {
        var cache = new HotTierCache<int, int>(16, policy);
        Parallel.For(0, 10_000, i =>
        {
            cache.Set(i % 64, i);
            cache.TryGet((i * 7) % 64, out _);
            if (i % 13 == 0) cache.Remove(i % 64);
        });

        cache.Count.Should().BeLessThanOrEqualTo(16);
        var stats = cache.GetStatistics();
        (stats.Hits + stats.Misses).Should().Be(10_000);
    }
}
