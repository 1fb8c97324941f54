using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Testing.Processes;

namespace Kaizen.Agents.Tests.Interrupts;

/// <summary>Real POSIX signals sent to an agent in a child process become graceful interrupts with a checkpoint.</summary>
[Trait("Category", "interrupts")]
[Trait("Category", "process")]
public sealed class SignalProcessTests
{
    [Theory]
    [InlineData("INT", "User")]
    [InlineData("TERM", "System")]
    public async Task A_signal_stops_the_run_gracefully_with_a_resumable_checkpoint(string signal, string source)
    {
        using var folder = new TempFolder();
        using var agent = AgentProcess.Start("run", folder.Path, "100000", "5", "2");
        var threadId = (await agent.ReadUntilAsync("thread")).Split(' ')[1];
        await agent.ReadUntilAsync("checkpoint");

        agent.Signal(signal);

        var interrupted = (await agent.ReadUntilAsync("interrupted")).Split(' ');
        interrupted[1].Should().Be(source);
        interrupted[2].Should().Be("Graceful");
        (await agent.WaitForExitAsync()).Should().Be(3);
        using var store = new LiteDbCheckpointStore(Path.Combine(folder.Path, "checkpoints.db"));
        var saved = await store.LoadAsync(interrupted[3], TestContext.Current.CancellationToken);
        saved.Info.ThreadId.Should().Be(threadId);
        saved.Info.Kind.Should().BeOneOf(CheckpointKind.Interrupt, CheckpointKind.Auto);
        saved.State.Turn.Should().BeGreaterThanOrEqualTo(5);
    }
}
