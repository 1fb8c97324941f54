using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class ColdCrudTests
{
    [Fact]
    public async Task A_turn_can_be_read_updated_and_deleted_by_id()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        var turn = await memory.StoreTurnAsync("user", "the meeting is on Monday", MemoryTestData.Start, new Dictionary<string, object?> { ["v"] = 1 });

        (await memory.GetTurnAsync(turn.Id, TestContext.Current.CancellationToken)).Should().BeEquivalentTo(turn);

        var updated = await memory.UpdateTurnAsync(turn.Id, "the meeting moved to Thursday afternoon", new Dictionary<string, object?> { ["v"] = 2 }, TestContext.Current.CancellationToken);
        updated!.Content.Should().Be("the meeting moved to Thursday afternoon");
        updated.Metadata["v"].Should().Be(2);
        updated.Sequence.Should().Be(turn.Sequence);
        (await memory.LoadHotTierAsync(1, TestContext.Current.CancellationToken))[0].Content.Should().Be(updated.Content);
        (await memory.SearchColdAsync("thursday afternoon", 1, TestContext.Current.CancellationToken))[0].Turn.Id.Should().Be(turn.Id);

        (await memory.DeleteTurnAsync(turn.Id, TestContext.Current.CancellationToken)).Should().BeTrue();
        (await memory.GetTurnAsync(turn.Id, TestContext.Current.CancellationToken)).Should().BeNull();
        (await memory.DeleteTurnAsync(turn.Id, TestContext.Current.CancellationToken)).Should().BeFalse();
        (await memory.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await memory.SearchColdAsync("thursday", 5, TestContext.Current.CancellationToken)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deleting_a_middle_turn_leaves_the_others_in_every_tier()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await MemoryTestData.StoreMessagesAsync(memory, 6);
        var victim = (await memory.LoadTurnsAsync(3, 1, TestContext.Current.CancellationToken))[0];

        await memory.DeleteTurnAsync(victim.Id, TestContext.Current.CancellationToken);

        (await memory.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(5, 4, 2, 1, 0);
        (await memory.LoadWarmTierAsync(10, TestContext.Current.CancellationToken)).Select(t => t.Sequence).Should().Equal(0, 1, 2, 4, 5);
        (await memory.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(5);
    }

    [Fact]
    public async Task One_session_cannot_read_update_or_delete_another_sessions_turns()
    {
        await using var folder = new TempMemoryFolder();
        var alice = folder.Open("alice");
        var bob = folder.Open("bob");
        var secret = await alice.StoreTurnAsync("user", "alice's secret", MemoryTestData.Start);

        (await bob.GetTurnAsync(secret.Id, TestContext.Current.CancellationToken)).Should().BeNull();
        (await bob.UpdateTurnAsync(secret.Id, "overwritten", cancellationToken: TestContext.Current.CancellationToken)).Should().BeNull();
        (await bob.DeleteTurnAsync(secret.Id, TestContext.Current.CancellationToken)).Should().BeFalse();

        (await alice.GetTurnAsync(secret.Id, TestContext.Current.CancellationToken))!.Content.Should().Be("alice's secret");
    }

    [Fact]
    public async Task Deleting_a_session_removes_only_that_session_and_it_starts_over_afterwards()
    {
        await using var folder = new TempMemoryFolder();
        var alice = folder.Open("alice");
        var bob = folder.Open("bob");
        await MemoryTestData.StoreMessagesAsync(alice, 5);
        await MemoryTestData.StoreMessagesAsync(bob, 3);

        (await alice.DeleteSessionAsync(TestContext.Current.CancellationToken)).Should().Be(5);

        (await alice.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(0);
        (await alice.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Should().BeEmpty();
        (await bob.CountTurnsAsync(TestContext.Current.CancellationToken)).Should().Be(3);
        var again = await alice.StoreTurnAsync("user", "fresh start", MemoryTestData.Start);
        again.Sequence.Should().Be(0);
        (await alice.LoadHotTierAsync(5, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("fresh start");
    }

    [Fact]
    public async Task Rewinding_to_a_memory_cursor_deletes_later_turns_and_continues_the_sequence()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await MemoryTestData.StoreMessagesAsync(memory, 10);

        (await memory.DeleteTurnsAfterAsync(6, TestContext.Current.CancellationToken)).Should().Be(3);
        var next = await memory.StoreTurnAsync("user", "resumed", MemoryTestData.Start);

        next.Sequence.Should().Be(7);
        (await memory.LoadHotTierAsync(3, TestContext.Current.CancellationToken)).Select(t => t.Content).Should().Equal("resumed", "Message 6", "Message 5");
    }
}
