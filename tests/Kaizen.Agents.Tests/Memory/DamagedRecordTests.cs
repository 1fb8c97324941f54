using System.Text;
using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

/// <summary>One damaged turn record is reported by sequence and does not hide the session's other turns.</summary>
[Trait("Category", "memory-lib")]
public sealed class DamagedRecordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_damaged_turn_is_named_and_every_other_turn_is_still_readable()
    {
        await using var folder = new TempMemoryFolder();
        await using (var memory = new LiteDbMemoryBackend(folder.DatabasePath, "s1"))
        {
            for (var i = 0; i < 30; i++)
                await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", $"turn {i}: " + string.Concat(Enumerable.Repeat($"marker-{i:D2} ", 12)), MemoryTestData.Start.AddMinutes(i), cancellationToken: Ct);
        }
        DamageTextOf(folder.DatabasePath, "marker-17 ");

        await using var reopened = new LiteDbMemoryBackend(folder.DatabasePath, "s1");
        var error = await FluentActions.Awaiting(() => reopened.LoadTurnsAsync(0, 100, Ct)).Should().ThrowAsync<MemoryStoreDamagedException>();

        var damaged = error.Which;
        damaged.Message.Should().Contain(folder.DatabasePath).And.Contain("29 are still readable").And.Contain("sequences 17");
        damaged.DamagedSequences.Should().Equal(17L);
        damaged.ReadableTurns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, 30).Where(i => i != 17).Select(i => (long)i));
        damaged.ReadableTurns.Should().OnlyContain(t => t.Content.StartsWith($"turn {t.Sequence}: ", StringComparison.Ordinal));
        (await reopened.GetTurnAsync(damaged.ReadableTurns[0].Id, Ct)).Should().NotBeNull("the backend stays usable after the failed read");
    }

    // Overwrites the first byte of every copy of the marker with a byte that is never valid UTF-8.
    private static void DamageTextOf(string path, string marker)
    {
        var bytes = File.ReadAllBytes(path);
        var pattern = Encoding.UTF8.GetBytes(marker);
        var hits = 0;
        for (var i = 0; i + pattern.Length <= bytes.Length; i++)
        {
            if (!bytes.AsSpan(i, pattern.Length).SequenceEqual(pattern)) continue;
            bytes[i] = 0xFF;
            hits++;
        }
        hits.Should().BePositive("the marker must be in the file to damage it");
        File.WriteAllBytes(path, bytes);
    }
}
