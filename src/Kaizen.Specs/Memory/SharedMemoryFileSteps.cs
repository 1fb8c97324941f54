using System.Globalization;
using Kaizen.Agents.Memory;
using Kaizen.Testing.Processes;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// The scenario's memory file shared with another process (tests/Kaizen.Memory.TestWriter, a real child process that
/// writes turns "writer N turn n"), as several agent processes on one file would.
/// </summary>
[Binding]
public sealed class SharedMemoryFileSteps(MemoryWorld world)
{
    private const string Writer = "Kaizen.Memory.TestWriter";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Given("the memory file is shared with other processes")]
    public void Shared() => world.Options.Concurrency = MemoryConcurrency.MultiProcess;

    [When("another process forgets the session {string} and stores {int} turns in it as writer {int}")]
    public async Task OtherProcessStartsAgain(string session, int turns, int writer)
    {
        using var other = AgentProcess.StartHost(Writer, Patience, world.DatabasePath, session,
            writer.ToString(CultureInfo.InvariantCulture), turns.ToString(CultureInfo.InvariantCulture), "multi", "per-turn", "forget-first");
        var last = await other.ReadUntilAsync("stored ");
        last.Should().Be($"stored {turns}", "the other process reports what it wrote; its errors: {0}", string.Join(" | ", other.StandardError));
        (await other.WaitForExitAsync()).Should().Be(0);
    }
}
