using System.Text;
using System.Text.Json;
using Kaizen.Agents.Memory;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// A memory file damaged on disk (a bad sector, a half-copied file): the step breaks the stored bytes of one turn's
/// text, and the Then steps check what the library reports and what it still returns.
/// </summary>
[Binding]
public sealed class DamagedMemorySteps(MemoryWorld world)
{
    private MemoryStoreDamagedException? _error;
    private string _damagedText = "";
    private MemoryRepairReport? _report;
    private string _exportPath = "";
    private byte[] _fileBefore = [];

    [When("the stored text {string} is damaged on disk and the memory store is opened again")]
    public async Task DamageOnDisk(string text)
    {
        await world.CloseAllAsync();
        _damagedText = text;
        var bytes = File.ReadAllBytes(world.DatabasePath);
        // The text as stored (a BSON string ends with a zero byte), so "Note 1" does not also hit "Note 17".
        var stored = Encoding.UTF8.GetBytes(text + "\0");
        var hits = 0;
        for (var i = 0; i + stored.Length <= bytes.Length; i++)
        {
            if (!bytes.AsSpan(i, stored.Length).SequenceEqual(stored)) continue;
            bytes[i] = 0xFF; // never valid in UTF-8
            hits++;
        }
        hits.Should().BePositive("the text must be in the file to damage it");
        File.WriteAllBytes(world.DatabasePath, bytes);
    }

    [Then("reading the {int} turns of {string} fails, naming the file and the damaged turn")]
    public async Task ReadingFails(int count, string session)
    {
        var backend = world.Session(session);
        _error = (await FluentActions.Awaiting(() => backend.LoadTurnsAsync(0, count)).Should().ThrowAsync<MemoryStoreDamagedException>()).Which;
        _error.Path.Should().Be(world.DatabasePath);
        _error.Message.Should().Contain(world.DatabasePath).And.Contain(session);
        _error.DamagedSequences.Should().ContainSingle("only one turn was damaged");
        _error.Message.Should().Contain(_error.DamagedSequences[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Then("reading {int} turns of {string} from turn {int} fails, naming the damaged turn {int}")]
    public async Task ReadingPartFails(int count, string session, int from, int damaged)
    {
        var backend = world.Session(session);
        _error = (await FluentActions.Awaiting(() => backend.LoadTurnsAsync(from, count)).Should().ThrowAsync<MemoryStoreDamagedException>()).Which;
        _error.DamagedSequences.Should().Equal([(long)damaged], "only that turn of the part read was damaged");
    }

    [Then("the error gives the other {int} turns from turn {int} to turn {int}, and none outside them")]
    public void OtherTurnsOfPart(int count, int first, int last)
    {
        var sequences = _error!.ReadableTurns.Select(t => t.Sequence).ToList();
        sequences.Should().HaveCount(count).And.BeInAscendingOrder().And.OnlyContain(s => s >= first && s <= last, "only the part asked for is read");
    }

    [Then("the error still gives the other {int} turns, in order and unchanged")]
    public void OtherTurnsReadable(int count)
    {
        var readable = _error!.ReadableTurns;
        readable.Should().HaveCount(count);
        readable.Select(t => t.Sequence).Should().BeInAscendingOrder().And.NotContain(_error.DamagedSequences[0]);
        readable.Should().NotContain(t => t.Content == _damagedText);
        readable.Should().OnlyContain(t => t.Content.StartsWith(_damagedText.Split(' ')[0] + " ", StringComparison.Ordinal), "every other turn keeps its text");
    }

    [When("the readable turns of the damaged file are exported")]
    public async Task Export()
    {
        await world.CloseAllAsync();
        _fileBefore = File.ReadAllBytes(world.DatabasePath);
        _exportPath = Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "salvaged.jsonl");
        _report = await MemoryRepair.ExportReadableTurnsAsync(world.DatabasePath, _exportPath);
    }

    [Then("the export holds the other {int} turns of one session and counts the damaged one as unreadable")]
    public void ExportHolds(int count)
    {
        _report!.Should().Match<MemoryRepairReport>(r => r.TurnsExported == count && r.Sessions == 1 && r.UnreadableRecords == 1, "report: {0}", _report);
        File.ReadAllLines(_exportPath).Should().HaveCount(count);
        File.ReadAllBytes(world.DatabasePath).Should().Equal(_fileBefore, "the damaged file is never written to");
    }

    [Then("a new memory file loaded from the export gives back those {int} turns of {string}, in order")]
    public async Task LoadExport(int count, string session)
    {
        var lines = File.ReadAllLines(_exportPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        await using var fresh = new LiteDbMemoryBackend(Path.Combine(Path.GetDirectoryName(world.DatabasePath)!, "rebuilt.db"), session);
        await fresh.StoreTurnsAsync(lines.Select(l => new NewTurn(l.GetProperty("role").GetString()!, l.GetProperty("content").GetString()!, l.GetProperty("timestamp").GetDateTimeOffset())));
        var back = await fresh.LoadTurnsAsync(0, count + 1);
        back.Select(t => t.Content).Should().HaveCount(count).And.NotContain(_damagedText)
            .And.Equal(lines.Select(l => l.GetProperty("content").GetString()), "the export keeps the turns' order");
    }

    [Then("the session {string} still stores a new turn and finds it again")]
    public async Task StillUsable(string session)
    {
        var backend = world.Session(session);
        var stored = await backend.StoreTurnAsync("user", "Written after the damage was found", DateTimeOffset.UnixEpoch.AddDays(1));
        (await backend.GetTurnAsync(stored.Id)).Should().NotBeNull().And.Match<MemoryTurn>(t => t.Content == "Written after the damage was found");
    }
}
