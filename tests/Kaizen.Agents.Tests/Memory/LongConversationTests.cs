using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class LongConversationTests
{
    [Fact]
    public async Task A_conversation_of_1500_turns_keeps_every_turn_in_order_across_the_tiers()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { Durability = MemoryDurability.GroupCommit });
        var writes = Enumerable.Range(0, 1500).Select(i => memory.StoreTurnAsync(
            i % 2 == 0 ? "user" : "assistant",
            i == 123 ? "The vault combination is 4 8 15 16 23 42" : $"Message {i}",
            MemoryTestData.Start.AddSeconds(i)));
        var stored = await Task.WhenAll(writes);

        stored.Select(t => t.Sequence).Order().Should().Equal(Enumerable.Range(0, 1500).Select(i => (long)i));
        (await memory.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(1500);
        (await memory.LoadHotTierAsync(10, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(Enumerable.Range(1490, 10).Reverse().Select(i => (long)i));
        (await memory.LoadWarmTierAsync(50, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(Enumerable.Range(1450, 50).Select(i => (long)i));
        var all = await memory.LoadTurnsAsync(0, 2000, TestContext.Current.CancellationToken);
        all.Should().HaveCount(1500);
        all.Select(t => t.Sequence).Should().BeInAscendingOrder();

        var found = await memory.SearchColdAsync("vault combination", 1, TestContext.Current.CancellationToken);
        found.Single().Turn.Content.Should().Contain("vault combination");
        (await memory.GetTierSummaryAsync(TestContext.Current.CancellationToken)).Demotions.Should().Be(1450);
    }
}
