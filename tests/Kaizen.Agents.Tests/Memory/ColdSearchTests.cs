using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

[Trait("Category", "memory-lib")]
public sealed class ColdSearchTests
{
    private static readonly string[] Topics =
    [
        "The deployment pipeline failed because the Docker image was missing the certificate bundle",
        "We agreed to use PostgreSQL for the billing service and LiteDB for local agent memory",
        "The user prefers answers in French and short bullet points",
        "Quarterly revenue grew twelve percent driven by subscriptions in Europe",
        "The cat sat on the mat and watched the birds outside the window",
    ];

    [Fact]
    public async Task Search_returns_the_most_similar_turns_best_first_with_scores()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 5 });
        foreach (var topic in Topics) await memory.StoreTurnAsync("user", topic, MemoryTestData.Start);
        await MemoryTestData.StoreMessagesAsync(memory, 20);

        var results = await memory.SearchColdAsync("which database did we choose for billing?", 3, TestContext.Current.CancellationToken);

        results.Should().HaveCount(3);
        results[0].Turn.Content.Should().Be(Topics[1]);
        results[0].Score.Should().BeGreaterThan(results[1].Score);
        results.Select(r => r.Score).Should().BeInDescendingOrder();
        results.Should().OnlyContain(r => r.Score <= 1.0001 && r.Score >= -1.0001);
    }

    [Fact]
    public async Task Cold_only_scope_never_returns_warm_turns()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { WarmTierSize = 3, ColdSearchScope = ColdSearchScope.ColdOnly, PromoteOnRetrieval = false });
        foreach (var topic in Topics) await memory.StoreTurnAsync("user", topic, MemoryTestData.Start);
        await memory.StoreTurnAsync("user", "Docker certificate bundle pipeline again", MemoryTestData.Start);

        var results = await memory.SearchColdAsync("docker certificate pipeline", 10, TestContext.Current.CancellationToken);

        results.Select(r => r.Turn.Sequence).Should().OnlyContain(sequence => sequence <= 2);
        results[0].Turn.Content.Should().Be(Topics[0]);
    }

    [Fact]
    public async Task Empty_turns_never_match_and_an_empty_query_is_an_error()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await memory.StoreTurnAsync("assistant", "", MemoryTestData.Start);
        await memory.StoreTurnAsync("user", "hello world", MemoryTestData.Start);

        var results = await memory.SearchColdAsync("hello", 5, TestContext.Current.CancellationToken);

        results.Select(r => r.Turn.Content).Should().Equal("hello world");
        await FluentActions.Awaiting(() => memory.SearchColdAsync("  ", 5)).Should().ThrowAsync<ArgumentException>().WithMessage("*query is empty*");
    }

    [Fact]
    public async Task Turns_stored_after_the_first_search_are_searchable()
    {
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open();
        await memory.StoreTurnAsync("user", "alpha beta", MemoryTestData.Start);
        await memory.SearchColdAsync("alpha", 1, TestContext.Current.CancellationToken);

        await memory.StoreTurnAsync("user", "kubernetes operator reconcile loop", MemoryTestData.Start);
        var results = await memory.SearchColdAsync("kubernetes reconcile", 1, TestContext.Current.CancellationToken);

        results.Single().Turn.Content.Should().Be("kubernetes operator reconcile loop");
    }
}
