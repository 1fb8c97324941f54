using Kaizen.Agents.Memory;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>Steps that rewind a session to a checkpoint, forget one of its turns or forget it as a whole.</summary>
[Binding]
public sealed class MemoryEditingSteps(MemoryWorld world)
{
    private static readonly DateTimeOffset Later = new(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private int? _forgottenCount;
    private bool? _turnForgotten;
    private MemoryTurn? _stored;
    private readonly Dictionary<string, MemoryTurn> _forgotten = new(StringComparer.Ordinal);

    [When("the session {string} is rewound to just after {string}")]
    public async Task Rewind(string session, string checkpointText)
    {
        var backend = world.Session(session);
        var checkpoint = await StoredTurns.WithContentAsync(backend, checkpointText);
        _forgottenCount = await backend.DeleteTurnsAfterAsync(checkpoint.Sequence);
    }

    [When("the session {string} stores the turn {string} again")]
    [When("the session {string} stores the turn {string}")]
    public async Task StoreTurn(string session, string content) =>
        _stored = await world.Session(session).StoreTurnAsync("user", content, Later);

    [When("the session {string} forgets its turn {string}")]
    public async Task ForgetTurn(string session, string content)
    {
        var backend = world.Session(session);
        var turn = await StoredTurns.WithContentAsync(backend, content);
        _turnForgotten = await backend.DeleteTurnAsync(turn.Id);
        _forgotten[content] = turn;
    }

    [When("the session {string} is forgotten as a whole")]
    public async Task ForgetSession(string session) =>
        _forgottenCount = await world.Session(session).DeleteSessionAsync();

    [Then("the store reports {int} turns forgotten")]
    public void ReportsForgotten(int count) =>
        _forgottenCount.Should().Be(count, "the store returns how many turns it deleted");

    [Then("the store confirms the turn was forgotten")]
    public void ConfirmsForgotten() =>
        _turnForgotten.Should().BeTrue("the session held the turn, so deleting it should succeed");

    [Then("the new turn is numbered right after {string}")]
    public async Task NumberedRightAfter(string previousText)
    {
        _stored.Should().NotBeNull("a turn was stored after the rewind");
        var previous = await StoredTurns.WithContentAsync(world.Session(_stored!.SessionId), previousText);
        _stored.Sequence.Should().Be(previous.Sequence + 1, "the conversation continues right after the kept turns, without a gap");
        await NewTurnIsTheNewestAsync();
    }

    [Then("the new turn is numbered right after the forgotten turn {string}")]
    public async Task NumberedAfterForgotten(string forgottenText)
    {
        _stored.Should().NotBeNull("a turn was stored after the other was forgotten");
        _forgotten.Should().ContainKey(forgottenText, "the scenario forgot that turn first");
        _stored!.Sequence.Should().Be(_forgotten[forgottenText].Sequence + 1, "a forgotten turn's number is never given to another turn");
        await NewTurnIsTheNewestAsync();
    }

    private async Task NewTurnIsTheNewestAsync()
    {
        var backend = world.Session(_stored!.SessionId);
        (await backend.GetLastSequenceAsync()).Should().Be(_stored.Sequence, "the new turn is the newest one");
        (await backend.GetTurnAsync(_stored.Id)).Should().NotBeNull().And.BeEquivalentTo(_stored, "the new turn can be read back by its id");
    }
}
