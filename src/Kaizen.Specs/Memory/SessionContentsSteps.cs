using Kaizen.Agents.Memory;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Checks of what a session holds after its memory was edited, read through every way the library offers: the turn
/// count, the stored conversation, the warm window, the hot tier and search by meaning.
/// </summary>
[Binding]
public sealed class SessionContentsSteps(MemoryWorld world)
{
    [Then("the session {string} holds exactly the turns {string} to {string}, numbered without gaps")]
    public async Task HoldsRange(string session, string first, string last)
    {
        var turns = await HoldsExactlyAsync(session, TurnRange.Parse(first, last).Texts.ToList());
        turns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, turns.Count).Select(n => (long)n), "the conversation is numbered from 0 without gaps");
    }

    [Then("the session {string} holds exactly these turns, in conversation order:")]
    public async Task HoldsTable(string session, DataTable expected)
    {
        var turns = await HoldsExactlyAsync(session, expected.Rows.Select(r => r["content"]).ToList());
        turns.Select(t => t.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Then("the session {string} holds no turns")]
    public async Task HoldsNothing(string session)
    {
        var backend = world.Session(session);
        (await backend.CountTurnsAsync()).Should().Be(0);
        (await backend.GetLastSequenceAsync()).Should().Be(-1, "an empty session has no newest turn");
        (await StoredTurns.AllAsync(backend)).Should().BeEmpty();
        (await backend.LoadHotTierAsync(10)).Should().BeEmpty("the hot tier must not keep forgotten turns");
        (await backend.LoadWarmTierAsync(backend.Options.WarmTierSize)).Should().BeEmpty("the warm tier must not keep forgotten turns");
        (await backend.SearchColdAsync("anything said in this conversation", 5)).Should().BeEmpty("search must not find forgotten turns");
    }

    [Then("searching the cold memory of {string} for each of {string} to {string} finds {int} turns, none of them a forgotten one")]
    public async Task SearchFindsNoneOfRange(string session, string first, string last, int count)
    {
        var forgotten = TurnRange.Parse(first, last).Texts.ToHashSet(StringComparer.Ordinal);
        foreach (var query in forgotten) await SearchFindsOthersAsync(session, query, count, forgotten);
    }

    [Then("searching the cold memory of {string} for {string} finds {int} turns, none of them the forgotten one")]
    public Task SearchFindsNoneOf(string session, string forgotten, int count) =>
        SearchFindsOthersAsync(session, forgotten, count, new HashSet<string>(StringComparer.Ordinal) { forgotten });

    // A forgotten turn left behind in the search index would either come back or take the place of a real result.
    private async Task SearchFindsOthersAsync(string session, string query, int count, IReadOnlySet<string> forgotten)
    {
        var results = await world.Session(session).SearchColdAsync(query, count);
        results.Should().HaveCount(count, "searching for \"{0}\" should fill every place with a turn still stored", query);
        results.Should().NotContain(r => forgotten.Contains(r.Turn.Content), "searching for \"{0}\" gave {1}", query, string.Join(" | ", results.Select(r => r.Turn.Content)));
    }

    private async Task<IReadOnlyList<MemoryTurn>> HoldsExactlyAsync(string session, IReadOnlyList<string> expected)
    {
        var backend = world.Session(session);
        (await backend.CountTurnsAsync()).Should().Be(expected.Count);
        var turns = await StoredTurns.AllAsync(backend);
        turns.Select(t => t.Content).Should().Equal(expected, "the stored conversation of \"{0}\"", session);
        (await backend.GetLastSequenceAsync()).Should().Be(turns[^1].Sequence, "the newest turn is the last one of the conversation");
        await StoredTurns.ShouldMatchWarmAndHotTiersAsync(backend, turns.Select(StoredTurns.Essentials).ToList());
        return turns;
    }
}
