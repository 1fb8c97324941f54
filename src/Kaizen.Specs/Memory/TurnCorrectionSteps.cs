using System.Text;
using Kaizen.Agents.Memory;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// Steps that correct a stored turn's text or metadata, and check that every way of reading the memory gives the
/// correction, or, when the correction is refused, that nothing changed.
/// </summary>
[Binding]
public sealed class TurnCorrectionSteps(MemoryWorld world)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly List<string> _sessions = new();
    private readonly Dictionary<string, IReadOnlyList<MemoryTurn>> _before = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgottenIds = new(StringComparer.Ordinal);
    private MemoryTurn? _original;
    private MemoryTurn? _corrected;
    private string _newText = "";
    private string _metadataJson = "";
    private Exception? _refusal;

    [Given("a memory that keeps turn texts of at most {int} bytes")]
    public void GivenContentLimit(int bytes) => world.Options.MaxContentBytes = bytes;

    [Given("the session {string} has stored these turns:")]
    public async Task StoreTurns(string session, DataTable turns)
    {
        var backend = world.Session(session);
        var index = 0;
        foreach (var row in turns.Rows) await backend.StoreTurnAsync(row["role"], row["content"], Start.AddMinutes(index++));
        _sessions.Add(session);
    }

    [When("the turn {string} of {string} is corrected to {string} with this metadata:")]
    public async Task Correct(string oldText, string session, string newText, string metadataJson)
    {
        var backend = world.Session(session);
        await RememberSessionsAsync();
        _original = await StoredTurns.WithContentAsync(backend, oldText);
        _newText = newText;
        _metadataJson = metadataJson;
        _corrected = await backend.UpdateTurnAsync(_original.Id, newText, JsonMetadata.Parse(metadataJson));
    }

    [When("the session {string} corrects its turn {string} with a text of {int} bytes")]
    public Task CorrectWithTextOfSize(string session, string content, int bytes)
    {
        // Two-byte letters, so the limit is seen to count UTF-8 bytes rather than characters.
        var text = new string('é', bytes / 2) + new string('x', bytes % 2);
        Encoding.UTF8.GetByteCount(text).Should().Be(bytes);
        return AttemptAsync(session, session, content, (backend, id) => backend.UpdateTurnAsync(id, text));
    }

    [When("the session {string} corrects its turn {string} with neither text nor metadata")]
    public Task CorrectWithNothing(string session, string content) =>
        AttemptAsync(session, session, content, (backend, id) => backend.UpdateTurnAsync(id));

    [When("the session {string} corrects its forgotten turn {string} with a new text")]
    public Task CorrectForgotten(string session, string content) =>
        AttemptAsync(session, session, content, async (backend, id) =>
        {
            (await backend.DeleteTurnAsync(id)).Should().BeTrue("the turn is forgotten before the correction is attempted");
            _forgottenIds.Add(id);
            return await backend.UpdateTurnAsync(id, "A corrected text");
        });

    [When("the session {string} corrects the turn {string} of {string} with a new text")]
    public Task CorrectOtherSessionsTurn(string session, string content, string owner) =>
        AttemptAsync(session, owner, content, (backend, id) => backend.UpdateTurnAsync(id, "A corrected text"));

    [Then("the store hands back the corrected turn, in the same place in the conversation")]
    public void HandsBackCorrected()
    {
        _corrected.Should().NotBeNull("the session holds the turn, so the correction applies");
        StoredTurns.Essentials(_corrected!).Should().Be(StoredTurns.Essentials(_original!) with { Content = _newText });
        _corrected!.Timestamp.Should().Be(_original!.Timestamp, "a correction does not change when the turn happened");
        JsonMetadata.ShouldMatch(_corrected.Metadata, _metadataJson);
    }

    [Then("the hot tier, the warm tier and the stored conversation of {string} give the corrected text in its place")]
    public async Task EveryTierGivesCorrection(string session)
    {
        var backend = world.Session(session);
        var expected = _before[session].Select(StoredTurns.Essentials)
            .Select(t => t.Id == _original!.Id ? t with { Content = _newText } : t).ToList();

        (await StoredTurns.AllAsync(backend)).Select(StoredTurns.Essentials).Should().Equal(expected, "the stored conversation");
        await StoredTurns.ShouldMatchWarmAndHotTiersAsync(backend, expected);
        (await backend.GetTurnAsync(_original!.Id))!.Content.Should().Be(_newText, "the turn read by its id");
    }

    [Then("the turn {string} of {string} has this metadata:")]
    public async Task HasMetadata(string content, string session, string metadataJson)
    {
        var turn = await StoredTurns.WithContentAsync(world.Session(session), content);
        JsonMetadata.ShouldMatch(turn.Metadata, metadataJson);
    }

    [Then("the correction is refused for exceeding the {int}-byte limit")]
    public void RefusedForSize(int limit)
    {
        _refusal.Should().BeOfType<ArgumentException>("a text above the limit is refused")
            .Which.Message.Should().Contain($"{limit} bytes");
        ((ArgumentException)_refusal!).ParamName.Should().Be("content");
    }

    [Then("the correction is refused for having nothing to update")]
    public void RefusedForNothing() =>
        _refusal.Should().BeOfType<ArgumentException>("an empty correction is refused")
            .Which.Message.Should().Contain("Nothing to update");

    [Then("the correction is ignored, as the session has no such turn")]
    public void IgnoredNoSuchTurn()
    {
        _refusal.Should().BeNull("a turn the session does not have is not an error");
        _corrected.Should().BeNull("the store answers that the session has no such turn");
    }

    [Then("no remaining turn has changed")]
    public async Task NothingChanged()
    {
        foreach (var session in _sessions)
        {
            var backend = world.Session(session);
            var expected = _before[session].Where(t => !_forgottenIds.Contains(t.Id)).Select(StoredTurns.Essentials).ToList();
            (await StoredTurns.AllAsync(backend)).Select(StoredTurns.Essentials).Should().Equal(expected, "the stored conversation of \"{0}\"", session);
            (await backend.LoadHotTierAsync(expected.Count)).Select(StoredTurns.Essentials)
                .Should().Equal(Enumerable.Reverse(expected), "the hot tier of \"{0}\", newest first", session);
        }
    }

    /// <summary>Lets <paramref name="session"/> correct the turn with this text of <paramref name="owner"/>'s, keeping a refusal for the Then steps.</summary>
    private async Task AttemptAsync(string session, string owner, string content, Func<LiteDbMemoryBackend, string, Task<MemoryTurn?>> correct)
    {
        await RememberSessionsAsync();
        var id = (await StoredTurns.WithContentAsync(world.Session(owner), content)).Id;
        try
        {
            _corrected = await correct(world.Session(session), id);
        }
        catch (ArgumentException refused)
        {
            _refusal = refused;
        }
    }

    private async Task RememberSessionsAsync()
    {
        foreach (var session in _sessions) _before[session] = await StoredTurns.AllAsync(world.Session(session));
    }
}
