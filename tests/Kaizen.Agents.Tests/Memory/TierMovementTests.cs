using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class TierMovementTests
{
    [Fact]
    public async Task Turns_leaving_the_warm_window_are_demoted_to_cold_and_reported()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 50, HotTierSize = 10 });
        await MemoryTestData.StoreMessagesAsync(memory, 60);

        var summary = await memory.GetTierSummaryAsync(TestContext.Current.CancellationToken);

        summary.TotalTurns.Should().Be(60);
        summary.HotTurns.Should().Be(10);
        summary.WarmTurns.Should().Be(50);
        summary.ColdTurns.Should().Be(10);
        summary.Demotions.Should().Be(10);
        summary.Promotions.Should().Be(0);
        summary.RecentMoves.Should().HaveCount(10);
        summary.RecentMoves.Select(m => m.Sequence).Should().Equal(Enumerable.Range(0, 10).Select(i => (long)i));
        summary.RecentMoves.Should().OnlyContain(m => m.From == MemoryTier.Warm && m.To == MemoryTier.Cold && m.Reason == TierMoveReason.LeftWarmWindow);
    }

    [Fact]
    public async Task A_retrieved_cold_turn_is_promoted_into_the_warm_set_until_the_window_moves_past_it()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 5 });
        await memory.StoreTurnAsync("user", "The launch code word is pineapple", MemoryTestData.Start);
        await MemoryTestData.StoreMessagesAsync(memory, 10, first: 1);
        memory.TakeTierMoves().Should().HaveCount(6);

        var found = await memory.SearchColdAsync("what is the launch code word", 1, TestContext.Current.CancellationToken);
        found.Single().Turn.Sequence.Should().Be(0);

        var moves = memory.TakeTierMoves();
        moves.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Sequence = 0L, From = MemoryTier.Cold, To = MemoryTier.Warm, Reason = TierMoveReason.Retrieved });
        (await memory.LoadWarmTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(0, 6, 7, 8, 9, 10);

        await MemoryTestData.StoreMessagesAsync(memory, 5, first: 11);

        memory.TakeTierMoves().Should().Contain(m => m.Sequence == 0 && m.Reason == TierMoveReason.PromotionExpired && m.To == MemoryTier.Cold);
        (await memory.LoadWarmTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(11, 12, 13, 14, 15);
    }

    [Fact]
    public async Task Promotions_survive_a_reopen()
    {
        await using var folder = new TempMemoryFolder();
        var options = new MemoryOptions { WarmTierSize = 3 };
        var first = folder.Open(options: options);
        await MemoryTestData.StoreMessagesAsync(first, 10);
        var promoted = await first.PromoteAsync([(await first.LoadTurnsAsync(1, 1, TestContext.Current.CancellationToken))[0].Id], TestContext.Current.CancellationToken);
        promoted.Should().HaveCount(1);
        await first.DisposeAsync();

        var second = folder.Open(options: options);
        var warm = await second.LoadWarmTierAsync(3, TestContext.Current.CancellationToken);

        warm.Select(t => t.Sequence).Should().Equal(1, 7, 8, 9);
    }

    [Fact]
    public async Task Promoting_a_warm_turn_or_an_unknown_id_moves_nothing()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 3 });
        var turns = new List<MemoryTurn>();
        for (var i = 0; i < 5; i++) turns.Add(await memory.StoreTurnAsync("user", $"m{i}", MemoryTestData.Start));

        var moved = await memory.PromoteAsync([turns[4].Id, "999999999", "not-an-id"], TestContext.Current.CancellationToken);

        moved.Should().BeEmpty();
    }
}
