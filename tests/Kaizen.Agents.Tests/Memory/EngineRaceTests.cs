using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

/// <summary>
/// Backends of several sessions on one new file: some open their session while others store the first turns (which
/// create the collections). LiteDB 5.0.x closes its engine when a read meets a collection being created or a page the
/// cache is recycling, so the memory file must not let two operations into the engine at once.
/// </summary>
[Trait("Category", "memory-lib")]
public sealed class EngineRaceTests
{
    private const int Files = 300;
    private const int Sessions = 8;

    [Fact]
    public async Task Sessions_opening_while_others_write_their_first_turns_never_close_the_shared_file()
    {
        for (var file = 0; file < Files; file++)
        {
            await using var folder = new TempMemoryFolder();
            var backends = Enumerable.Range(0, Sessions).Select(s => folder.Open($"session-{s}")).ToArray();
            using var start = new ManualResetEventSlim();
            var work = backends.Select((memory, s) => Task.Run(async () =>
            {
                start.Wait(TestContext.Current.CancellationToken);
                if (s % 2 == 0) await memory.StoreTurnAsync("user", $"first turn of session {s}", MemoryTestData.Start);
                await memory.InitializeAsync(TestContext.Current.CancellationToken);
                return await memory.CountTurnsAsync(TestContext.Current.CancellationToken);
            })).ToArray();
            start.Set();

            var counts = await Task.WhenAll(work);

            counts.Should().Equal(Enumerable.Range(0, Sessions).Select(s => s % 2 == 0 ? 1L : 0L), "file {0}", file);
        }
    }
}
