using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Testing.Processes;

namespace Kaizen.Agents.Tests.Checkpoints;

/// <summary>
/// An agent in a child process checkpointing every turn is killed with SIGKILL at a different point each time;
/// a new process resumes from the newest checkpoint and must end in exactly the state of an uninterrupted run.
/// </summary>
[Trait("Category", "checkpoints")]
[Trait("Category", "process")]
public sealed class KillAndResumeTests
{
    private const int Turns = 60;

    // Per-turn pause of the victim: the 19 turns after the last kill point then take at least 380 ms, so a loaded
    // machine still kills it before the end (at 3 ms it sometimes finished first).
    private const int VictimTurnDelayMs = 20;

    [Theory]
    [InlineData(5)]
    [InlineData(23)]
    [InlineData(41)]
    public async Task A_run_killed_mid_checkpointing_resumes_in_a_new_process_without_losing_a_checkpointed_turn(int killAfterCheckpoints)
    {
        using var referenceFolder = new TempFolder();
        using var folder = new TempFolder();
        string referenceHash;
        using (var reference = AgentProcess.Start("run", referenceFolder.Path, $"{Turns}", "1"))
            referenceHash = (await reference.ReadUntilAsync("done")).Split(' ')[2];

        string threadId;
        var lastReportedTurn = 0;
        using (var victim = AgentProcess.Start("run", folder.Path, $"{Turns}", "1", $"{VictimTurnDelayMs}"))
        {
            threadId = (await victim.ReadUntilAsync("thread")).Split(' ')[1];
            for (var seen = 0; seen < killAfterCheckpoints; seen++)
                lastReportedTurn = int.Parse((await victim.ReadUntilAsync("checkpoint")).Split(' ')[1]);
            victim.KillHard();
        }

        using (var store = new LiteDbCheckpointStore(Path.Combine(folder.Path, "checkpoints.db")))
        {
            var survivors = await store.ListAsync(threadId, TestContext.Current.CancellationToken);
            survivors.Select(c => c.Turn).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
            survivors[^1].Turn.Should().BeGreaterThanOrEqualTo(lastReportedTurn, "a checkpoint reported as saved is durable");
            survivors[^1].Turn.Should().BeLessThan(Turns, "the process was killed before the end");
            foreach (var checkpoint in survivors) (await store.LoadAsync(checkpoint.Id, TestContext.Current.CancellationToken)).State.Turn.Should().Be(checkpoint.Turn);
        }

        using var resumer = AgentProcess.Start("resume", folder.Path, threadId);
        var resumedAt = int.Parse((await resumer.ReadUntilAsync("resumed")).Split(' ')[1]);
        var done = (await resumer.ReadUntilAsync("done")).Split(' ');

        resumedAt.Should().BeGreaterThanOrEqualTo(lastReportedTurn);
        done[1].Should().Be($"{Turns}");
        done[2].Should().Be(referenceHash, "the resumed run ends in exactly the state of the uninterrupted one");
        (await resumer.WaitForExitAsync()).Should().Be(0);
    }
}
