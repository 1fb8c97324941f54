using System.Text.Json;
using Kaizen.Agents.Memory;
using Kaizen.Agents.PostgreSql.Tests.Stores;
using static Kaizen.Agents.PostgreSql.Tests.Contracts.ContractData;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>What every <see cref="IMemoryBackend"/> guarantees: the three tiers, session isolation, one sequence per session, metadata and input checks.</summary>
public abstract class MemoryBackendContract(IStoreUnderTest stores) : IAsyncDisposable
{
    protected IStoreUnderTest Stores { get; } = stores;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => Stores.DisposeAsync();

    private static async Task StoreMessagesAsync(IMemoryBackend memory, int count)
    {
        for (var i = 0; i < count; i++) await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", $"Message {i}", Start.AddSeconds(i));
    }

    [Fact]
    public async Task Hot_tier_returns_the_newest_turns_newest_first()
    {
        var memory = Stores.OpenMemory("s");
        await StoreMessagesAsync(memory, 10);

        var hot = await memory.LoadHotTierAsync(5, Token);

        hot.Select(t => t.Content).Should().Equal("Message 9", "Message 8", "Message 7", "Message 6", "Message 5");
        hot.Select(t => t.Sequence).Should().Equal(9, 8, 7, 6, 5);
        hot[0].Timestamp.Should().Be(Start.AddSeconds(9));
        hot[0].Timestamp.Offset.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Warm_tier_is_the_last_window_in_conversation_order()
    {
        var memory = Stores.OpenMemory("s");
        await StoreMessagesAsync(memory, 30);

        (await memory.LoadWarmTierAsync(4, Token)).Select(t => t.Sequence).Should().Equal(26, 27, 28, 29);
        (await memory.LoadWarmTierAsync(100, Token)).Should().HaveCount(30);
    }

    [Fact]
    public async Task Cold_search_finds_the_turn_about_the_query_among_many()
    {
        var memory = Stores.OpenMemory("s");
        for (var i = 0; i < 60; i++) await memory.StoreTurnAsync("user", $"Weather note {i}: light rain and wind over the hills", Start);
        await memory.StoreTurnAsync("user", "The invoice for the database licence is overdue; pay it before Friday", Start);
        for (var i = 0; i < 60; i++) await memory.StoreTurnAsync("assistant", $"Recipe step {i}: whisk the eggs with sugar", Start);

        var results = await memory.SearchColdAsync("overdue invoice payment", 3, Token);

        results.Should().HaveCount(3);
        results[0].Turn.Content.Should().StartWith("The invoice");
        results[0].Score.Should().BeGreaterThan(results[1].Score);
        results.Select(r => r.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task A_search_sees_turns_stored_after_the_previous_search_by_another_backend()
    {
        var searcher = Stores.OpenMemory("team");
        await searcher.StoreTurnAsync("user", "Deploy the staging cluster on Monday", Start);
        (await searcher.SearchColdAsync("kubernetes upgrade plan", 1, Token)).Should().ContainSingle();

        var writer = Stores.OpenMemory("team");
        await writer.StoreTurnAsync("assistant", "The kubernetes upgrade plan is in the wiki", Start);

        (await searcher.SearchColdAsync("kubernetes upgrade plan", 1, Token))[0].Turn.Content.Should().Contain("kubernetes upgrade plan");
    }

    [Fact]
    public async Task A_deleted_turn_is_gone_from_every_tier_and_its_number_is_not_given_again()
    {
        var memory = Stores.OpenMemory("s");
        var kept = await memory.StoreTurnAsync("user", "The invoice for the database licence is paid", Start);
        var victim = await memory.StoreTurnAsync("assistant", "The invoice for the database licence is overdue", Start);
        (await memory.SearchColdAsync("overdue invoice", 2, Token)).Should().HaveCount(2, "the index holds both turns before the delete");

        (await memory.DeleteTurnAsync(victim.Id, Token)).Should().BeTrue();
        (await memory.DeleteTurnAsync(victim.Id, Token)).Should().BeFalse("it is already gone");
        (await Stores.OpenMemory("other").DeleteTurnAsync(kept.Id, Token)).Should().BeFalse("another session cannot delete this session's turn");
        var next = await memory.StoreTurnAsync("user", "Next", Start);

        (await memory.LoadHotTierAsync(10, Token)).Select(t => t.Id).Should().Equal(next.Id, kept.Id);
        (await memory.LoadWarmTierAsync(10, Token)).Select(t => t.Id).Should().Equal(kept.Id, next.Id);
        (await memory.SearchColdAsync("overdue invoice", 3, Token)).Select(r => r.Turn.Id).Should().NotContain(victim.Id).And.Contain(kept.Id);
        next.Sequence.Should().Be(2, "a deleted turn's number is not given to another turn");
    }

    [Fact]
    public async Task A_search_still_returns_k_turns_after_another_backend_deleted_one_it_had_loaded()
    {
        var searcher = Stores.OpenMemory("team");
        var turns = new List<MemoryTurn>();
        for (var i = 0; i < 4; i++) turns.Add(await searcher.StoreTurnAsync("user", $"Invoice {i} for the licence is overdue", Start));
        var best = (await searcher.SearchColdAsync("Invoice 2 for the licence is overdue", 3, Token))[0].Turn;

        (await Stores.OpenMemory("team").DeleteTurnAsync(best.Id, Token)).Should().BeTrue();

        var after = await searcher.SearchColdAsync("Invoice 2 for the licence is overdue", 3, Token);
        after.Should().HaveCount(3, "three turns are left and the searcher forgets the one deleted elsewhere");
        after.Select(r => r.Turn.Id).Should().NotContain(best.Id);
    }

    [Fact]
    public async Task Two_sessions_never_see_each_others_turns_and_ids_are_case_sensitive()
    {
        var first = Stores.OpenMemory("agent-a");
        var second = Stores.OpenMemory("agent-b");
        var upper = Stores.OpenMemory("Agent-a");
        for (var i = 0; i < 10; i++)
        {
            await first.StoreTurnAsync("user", $"apples {i}", Start);
            await second.StoreTurnAsync("user", $"oranges {i}", Start);
        }

        (await first.LoadHotTierAsync(20, Token)).Should().HaveCount(10).And.OnlyContain(t => t.Content.StartsWith("apples") && t.SessionId == "agent-a");
        (await second.LoadWarmTierAsync(50, Token)).Should().HaveCount(10).And.OnlyContain(t => t.Content.StartsWith("oranges"));
        (await first.SearchColdAsync("oranges", 5, Token)).Should().OnlyContain(r => r.Turn.SessionId == "agent-a");
        (await second.LoadHotTierAsync(1, Token))[0].Sequence.Should().Be(9, "each session numbers its own turns");
        (await upper.LoadHotTierAsync(5, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_backends_on_the_same_session_share_one_sequence()
    {
        var one = Stores.OpenMemory("shared");
        var two = Stores.OpenMemory("shared");

        var a = await one.StoreTurnAsync("user", "from one", Start);
        var b = await two.StoreTurnAsync("user", "from two", Start);

        (a.Sequence, b.Sequence).Should().Be((0L, 1L));
        a.Id.Should().NotBe(b.Id);
        (await one.LoadHotTierAsync(2, Token)).Select(t => t.Content).Should().Equal("from two", "from one");
    }

    [Fact]
    public async Task Concurrent_writers_on_one_session_get_distinct_gap_free_sequences()
    {
        var backends = Enumerable.Range(0, 4).Select(_ => Stores.OpenMemory("busy")).ToList();

        var stored = await Task.WhenAll(backends.SelectMany((backend, b) => Enumerable.Range(0, 25)
            .Select(i => backend.StoreTurnAsync("user", $"writer {b} turn {i}", Start))));

        stored.Select(t => t.Sequence).Should().BeEquivalentTo(Enumerable.Range(0, 100).Select(i => (long)i));
        stored.Select(t => t.Id).Should().OnlyHaveUniqueItems();
        (await backends[0].LoadWarmTierAsync(1000, Token)).Select(t => t.Content).Should().BeEquivalentTo(stored.Select(t => t.Content));
    }

    [Fact]
    public async Task Nested_metadata_comes_back_with_its_types_after_reopening()
    {
        var metadata = new Dictionary<string, object?>
        {
            ["tool"] = "search",
            ["tokens"] = 1234,
            ["big"] = 9_000_000_000L,
            ["cost"] = 0.0125,
            ["ok"] = true,
            ["nothing"] = null,
            ["call"] = new Dictionary<string, object?> { ["args"] = new List<object?> { "docs", 2, null } },
        };
        using var json = JsonDocument.Parse("""{"a":{"b":[1,"two"]}}""");
        metadata["payload"] = json.RootElement.Clone();
        await Stores.OpenMemory("s").StoreTurnAsync("tool", "result", Start, metadata);

        var loaded = (await Stores.OpenMemory("s").LoadHotTierAsync(1, Token)).Single().Metadata;

        loaded["tokens"].Should().BeOfType<int>().Which.Should().Be(1234);
        loaded["big"].Should().BeOfType<long>();
        loaded["cost"].Should().Be(0.0125);
        loaded["nothing"].Should().BeNull();
        loaded["call"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["args"] = new List<object?> { "docs", 2, null } });
        loaded["payload"].Should().BeAssignableTo<IReadOnlyDictionary<string, object?>>();
    }

    [Fact]
    public async Task Cleanup_deletes_one_session_and_its_numbering_starts_again()
    {
        var doomed = Stores.OpenMemory("doomed");
        var kept = Stores.OpenMemory("kept");
        await StoreMessagesAsync(doomed, 5);
        await StoreMessagesAsync(kept, 3);
        (await doomed.SearchColdAsync("Message", 2, Token)).Should().HaveCount(2);

        await doomed.CleanupAsync(Token);

        (await doomed.LoadHotTierAsync(10, Token)).Should().BeEmpty();
        (await doomed.SearchColdAsync("Message", 2, Token)).Should().BeEmpty();
        (await kept.LoadHotTierAsync(10, Token)).Should().HaveCount(3);
        (await doomed.StoreTurnAsync("user", "again", Start)).Sequence.Should().Be(0);
    }

    [Fact]
    public async Task A_session_stored_by_another_embedder_is_refused_naming_both()
    {
        await Stores.OpenMemory("s").StoreTurnAsync("user", "hello", Start);
        var other = Stores.OpenMemory("s", new MemoryOptions { EmbeddingDimensions = 128 });

        var error = (await FluentActions.Awaiting(() => other.LoadHotTierAsync(1, Token)).Should().ThrowAsync<EmbedderMismatchException>()).Which;

        error.StoredEmbedderId.Should().Be("kaizen-hashing-256");
        error.ConfiguredEmbedderId.Should().Be("kaizen-hashing-128");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_parameter_named()
    {
        var memory = Stores.OpenMemory("s");
        await FluentActions.Awaiting(() => memory.StoreTurnAsync("", "text", Start)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => memory.StoreTurnAsync("user", null!, Start)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => memory.SearchColdAsync(" ", 3, Token)).Should().ThrowAsync<ArgumentException>().WithMessage("*query is empty*");
        await FluentActions.Awaiting(() => memory.LoadHotTierAsync(-1, Token)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        var small = Stores.OpenMemory("small", new MemoryOptions { MaxContentBytes = 10 });
        await FluentActions.Awaiting(() => small.StoreTurnAsync("user", new string('x', 11), Start)).Should().ThrowAsync<ArgumentException>().WithMessage("*MaxContentBytes*");
        (await memory.LoadHotTierAsync(5, Token)).Should().BeEmpty("nothing was stored by the refused calls");
    }
}
