using Kaizen.Agents.Memory;

namespace Kaizen.Specs.Memory;

/// <summary>Reads a session's turns back through the library, to find one by its text or compare the whole conversation.</summary>
internal static class StoredTurns
{
    private const int Plenty = 10_000;

    /// <summary>Every stored turn of the session, in conversation order.</summary>
    public static Task<IReadOnlyList<MemoryTurn>> AllAsync(LiteDbMemoryBackend backend) => backend.LoadTurnsAsync(0, Plenty);

    /// <summary>The one stored turn with exactly this text.</summary>
    public static async Task<MemoryTurn> WithContentAsync(LiteDbMemoryBackend backend, string content)
    {
        var turns = await AllAsync(backend);
        turns.Should().ContainSingle(t => t.Content == content, "the session \"{0}\" should hold the turn \"{1}\" once", backend.SessionId, content);
        return turns.Single(t => t.Content == content);
    }

    /// <summary>
    /// Checks that the warm window and the hot tier of the session give exactly <paramref name="expected"/> (the whole
    /// conversation, in order; the hot tier gives its newest turns first).
    /// </summary>
    public static async Task ShouldMatchWarmAndHotTiersAsync(LiteDbMemoryBackend backend, IReadOnlyList<(string Id, long Sequence, string Role, string Content)> expected)
    {
        var warmSize = backend.Options.WarmTierSize;
        expected.Count.Should().BeLessThanOrEqualTo(warmSize, "this check expects the whole conversation inside the warm window");
        (await backend.LoadWarmTierAsync(warmSize)).Select(Essentials).Should().Equal(expected, "the warm window of \"{0}\"", backend.SessionId);

        var hotLimit = Math.Min(expected.Count, backend.Options.HotTierSize);
        (await backend.LoadHotTierAsync(hotLimit)).Select(Essentials)
            .Should().Equal(Enumerable.Reverse(expected).Take(hotLimit), "the hot tier of \"{0}\", newest first", backend.SessionId);
    }

    /// <summary>A turn as the steps compare it: where it is, who said it and what.</summary>
    public static (string Id, long Sequence, string Role, string Content) Essentials(MemoryTurn turn) => (turn.Id, turn.Sequence, turn.Role, turn.Content);
}
