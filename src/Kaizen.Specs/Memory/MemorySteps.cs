using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Tiers;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>Steps about storing turns and reading them back from the hot, warm and cold tiers.</summary>
[Binding]
public sealed class MemorySteps(MemoryWorld world)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Given("a memory store in the scenario's data folder")]
    public void GivenAMemoryStore() =>
        File.Exists(world.DatabasePath).Should().BeFalse("every scenario starts with a store of its own, not one left by another scenario: {0}", world.DatabasePath);

    [Given("a memory with a warm window of {int} turns")]
    public void GivenAWarmWindowOf(int turns) => world.Options.WarmTierSize = turns;

    [Given("the session {string} has stored {int} turns {string} to {string}, alternating user and assistant")]
    [When("the session {string} stores {int} turns {string} to {string}")]
    public async Task StoreRange(string session, int count, string first, string last)
    {
        var backend = world.Session(session);
        var index = 0;
        foreach (var text in TurnRange.Parse(first, last, count).Texts)
        {
            await StoreAsync(backend, index % 2 == 0 ? "user" : "assistant", text, index);
            index++;
        }
    }

    [Given("the session {string} has stored these turns among {int} unrelated ones:")]
    public async Task StoreAmongUnrelated(string session, int unrelated, DataTable turns)
    {
        var backend = world.Session(session);
        var wanted = turns.Rows.Select(r => (Role: r["role"], Content: r["content"])).ToList();
        // Spread the scenario's turns through the filler, the first one early so it is old by the end.
        var every = Math.Max(1, unrelated / wanted.Count);
        var position = 0;
        for (var i = 0; i < unrelated; i++)
        {
            if (i % every == 2 && position < wanted.Count)
            {
                var (role, content) = wanted[position++];
                await StoreAsync(backend, role, content, i);
            }
            await StoreAsync(backend, i % 2 == 0 ? "user" : "assistant", UnrelatedTurns.At(i), i);
        }
        while (position < wanted.Count)
        {
            var (role, content) = wanted[position++];
            await StoreAsync(backend, role, content, unrelated + position);
        }
    }

    [Given("the session {string} has stored the turn {string} followed by {int} other turns")]
    public async Task StoreOneThenOthers(string session, string content, int others)
    {
        var backend = world.Session(session);
        await StoreAsync(backend, "user", content, 0);
        for (var i = 0; i < others; i++) await StoreAsync(backend, i % 2 == 0 ? "assistant" : "user", UnrelatedTurns.At(i), i + 1);
    }

    [When("the hot tier of {string} is read with a limit of {int}")]
    public async Task ReadHot(string session, int limit)
    {
        var backend = world.Session(session);
        world.HotStatisticsBeforeLastRead = backend.HotTierStatistics;
        world.LastRead = await backend.LoadHotTierAsync(limit);
    }

    [When("the warm tier of {string} is read with a window of {int} turns")]
    public async Task ReadWarm(string session, int window) =>
        world.LastRead = await world.Session(session).LoadWarmTierAsync(window);

    [When("the cold memory of {string} is searched for {string} with {int} results")]
    public async Task SearchCold(string session, string query, int k)
    {
        world.LastQuery = query;
        world.LastSearch = await world.Session(session).SearchColdAsync(query, k);
    }

    [When("the cold memory of {string} is searched for {string} and the best result is reinforced")]
    public async Task SearchAndReinforce(string session, string query)
    {
        var backend = world.Session(session);
        world.LastSearch = await backend.SearchColdAsync(query, 1);
        world.LastSearch.Should().NotBeEmpty("the search for \"{0}\" must find something to reinforce", query);
        await backend.PromoteAsync([world.LastSearch[0].Turn.Id]);
    }

    [When("the memory store is closed and opened again on the same file")]
    public Task Reopen() => world.CloseAllAsync();

    [Then("the hot tier holds these turns, in this order:")]
    public void HotTierHolds(DataTable expected)
    {
        world.LastRead.Select(t => new { content = t.Content, role = t.Role })
            .Should().Equal(expected.Rows.Select(r => new { content = r["content"], role = r["role"] }),
                "the hot tier returns the newest turns first");
    }

    [Then("the hot tier holds {int} turns")]
    [Then("the warm tier holds {int} turns")]
    public void TierHolds(int count) =>
        world.LastRead.Should().HaveCount(count, "read back: {0}", Describe(world.LastRead));

    [Then("none of them mentions {string}")]
    public void NoneMentions(string text) =>
        world.LastRead.Should().NotContain(t => t.Content.Contains(text, StringComparison.OrdinalIgnoreCase),
            "sessions must not see each other's turns");

    [Then("it starts with {string} and ends with {string}")]
    public void StartsAndEnds(string first, string last)
    {
        world.LastRead.Should().NotBeEmpty();
        world.LastRead[0].Content.Should().Be(first);
        world.LastRead[^1].Content.Should().Be(last);
    }

    [Then("its turns are in conversation order")]
    public void InConversationOrder() =>
        world.LastRead.Select(t => t.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();

    [Then("{int} results come back, best first")]
    public void ResultsBestFirst(int count)
    {
        world.LastSearch.Should().HaveCount(count);
        world.LastSearch.Select(r => r.Score).Should().BeInDescendingOrder();
    }

    [Then("the best result is the turn about {string}")]
    public void BestResultIsAbout(string text) =>
        world.LastSearch[0].Turn.Content.Should().Contain(text, "results were: {0}", DescribeSearch(world.LastSearch));

    [Then("the question and the best result share no content word")]
    public void NoSharedContentWord() =>
        ContentWords.Of(world.LastQuery).Intersect(ContentWords.Of(world.LastSearch[0].Turn.Content))
            .Should().BeEmpty("the turn must be found by meaning, not by a shared word");

    [Then("every result has a similarity score between -1 and 1")]
    public void ScoresInRange() =>
        world.LastSearch.Should().OnlyContain(r => r.Score >= -1.0 && r.Score <= 1.0000001);

    [Then("the hot tier of {string} with a limit of {int} starts with {string}")]
    public async Task HotStartsWith(string session, int limit, string first)
    {
        var hot = await world.Session(session).LoadHotTierAsync(limit);
        hot.Should().HaveCount(limit);
        hot[0].Content.Should().Be(first, "the newest turn comes first after a restart too");
    }

    [Then("the warm tier of {string} with a window of {int} starts with {string}")]
    public async Task WarmStartsWith(string session, int window, string first)
    {
        var warm = await world.Session(session).LoadWarmTierAsync(window);
        warm.Should().HaveCount(window);
        warm[0].Content.Should().Be(first);
    }

    [Then("searching the cold memory of {string} for {string} gives {string} as the best result")]
    public async Task ColdBestResult(string session, string query, string expected)
    {
        var results = await world.Session(session).SearchColdAsync(query, 3);
        results.Should().NotBeEmpty();
        results[0].Turn.Content.Should().Be(expected, "results were: {0}", DescribeSearch(results));
    }

    [Then("{int} turns have been demoted to cold storage")]
    public async Task TurnsDemoted(int count)
    {
        var summary = await SingleSession().GetTierSummaryAsync();
        summary.Demotions.Should().Be(count, "moves: {0}", string.Join(", ", summary.RecentMoves));
        summary.RecentMoves.Where(m => m.To == MemoryTier.Cold)
            .Should().HaveCount(count).And.OnlyContain(m => m.Reason == TierMoveReason.LeftWarmWindow);
    }

    [Then("the demoted turns are {string} to {string}")]
    public async Task DemotedTurnsAre(string first, string last)
    {
        var backend = SingleSession();
        var summary = await backend.GetTierSummaryAsync();
        var contents = new List<string>();
        foreach (var move in summary.RecentMoves.Where(m => m.To == MemoryTier.Cold))
            contents.Add((await backend.GetTurnAsync(move.TurnId))!.Content);
        contents.Should().Equal(TurnRange.Parse(first, last).Texts);
    }

    [Then("each demoted turn can still be found in cold memory by its words")]
    public async Task DemotedTurnsSearchable()
    {
        var backend = SingleSession();
        var summary = await backend.GetTierSummaryAsync();
        var demoted = summary.RecentMoves.Where(m => m.To == MemoryTier.Cold).ToList();
        demoted.Should().NotBeEmpty();
        foreach (var move in demoted)
        {
            var turn = await backend.GetTurnAsync(move.TurnId);
            var results = await backend.SearchColdAsync(turn!.Content, 1);
            results.Should().ContainSingle().Which.Turn.Id.Should().Be(move.TurnId, "searching for \"{0}\" should find it", turn.Content);
        }
    }

    [Given("the turn {string} is no longer in the warm set")]
    [Then("the turn {string} is no longer in the warm set")]
    public async Task NotInWarmSet(string content)
    {
        var backend = SingleSession();
        var warm = await backend.LoadWarmTierAsync(backend.Options.WarmTierSize);
        warm.Should().NotContain(t => t.Content == content, "enough newer turns were stored to push it out of the window");
    }

    [Then("the turn {string} is still in the warm set")]
    public async Task StillInWarmSet(string content)
    {
        var backend = SingleSession();
        var warm = await backend.LoadWarmTierAsync(backend.Options.WarmTierSize);
        warm.Should().Contain(t => t.Content == content, "warm set: {0}", Describe(warm));
    }

    [Then("the turn {string} is in the warm set again")]
    public async Task InWarmSetAgain(string content)
    {
        await StillInWarmSet(content);
        var summary = await SingleSession().GetTierSummaryAsync();
        summary.Promotions.Should().BeGreaterThanOrEqualTo(1);
        summary.RecentMoves.Should().Contain(m => m.From == MemoryTier.Cold && m.To == MemoryTier.Warm && m.TurnId == world.LastSearch[0].Turn.Id);
    }

    private LiteDbMemoryBackend SingleSession() =>
        world.Session(world.LastSession ?? throw new InvalidOperationException("No session has stored anything yet in this scenario."));

    private static Task<MemoryTurn> StoreAsync(IMemoryBackend backend, string role, string content, int index) =>
        backend.StoreTurnAsync(role, content, Start.AddMinutes(index));

    private static string Describe(IEnumerable<MemoryTurn> turns) => string.Join(" | ", turns.Select(t => t.Content));

    private static string DescribeSearch(IEnumerable<ScoredMemoryTurn> results) =>
        string.Join(" | ", results.Select(r => $"{r.Turn.Content} ({r.Score:0.000})"));
}
