using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Specs.Memory;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Checkpoints;

/// <summary>
/// A run that dies because its checkpoints cannot be written, with its memory already ahead of its last checkpoint, and
/// the resume of that run by a new agent on a healthy disk.
/// </summary>
[Binding]
public sealed class DiskFullSteps(AgentWorld world, MemoryWorld memory)
{
    private const string ThreadKey = "thread";
    private const string EntryKey = "entry";
    private Exception? _death;
    private string _thread = "";

    [Given("no checkpoint after turn {int} can be written, as when the disk fills up")]
    public void DiskFillsUpAfter(int turn) =>
        world.CheckpointStoreFor = config => new FullDiskCheckpointStore(config.CheckpointDatabasePath, turn);

    [When("the agent works on {string} for at most {int} turns and dies")]
    public async Task WorksAndDies(string task, int turns)
    {
        _death = (await FluentActions.Awaiting(() => world.RunAsync(task, turns)).Should().ThrowAsync<IOException>(
            "the checkpoint of a later turn cannot be written and nothing else may hide that")).Which;
        _thread = world.Events.OfType<TurnStarted>().Select(e => e.ThreadId).Distinct().Should().ContainSingle().Subject;
        world.Agent!.Checkpoints.Dispose();
    }

    [Then("the session {string} holds turns of the run that its last checkpoint does not know of")]
    public async Task MemoryAheadOfCheckpoint(string session)
    {
        using var store = new LiteDbCheckpointStore(world.Agent!.Config.CheckpointDatabasePath);
        var latest = await LatestCheckpointAsync(store);
        var entries = await EntriesOfThreadAsync(session);
        entries.Max().Should().BeGreaterThanOrEqualTo(latest.State.MemoryStoredEntries,
            "the run stored turn {0} in memory before its checkpoint failed ({1})", latest.State.Turn + 1, _death!.Message);
    }

    [When("a new agent resumes the run from its latest checkpoint")]
    public async Task NewAgentResumes()
    {
        world.CheckpointStoreFor = null;
        var agent = world.BuildAgent();
        await world.ResumeAsync((await LatestCheckpointAsync(agent.Checkpoints)).Info.Id);
    }

    [Then("the session {string} holds each entry of the resumed run's conversation exactly once")]
    public async Task EachEntryOnce(string session)
    {
        var conversation = world.RequireResult().State.Conversation;
        var entries = await EntriesOfThreadAsync(session);
        entries.Should().OnlyHaveUniqueItems("a turn stored before the failure is not stored again by the resume")
            .And.BeEquivalentTo(Enumerable.Range(0, conversation.Count), "every entry of the conversation is in memory");
    }

    private async Task<Checkpoint> LatestCheckpointAsync(ICheckpointStore store)
    {
        var infos = await store.ListAsync(_thread);
        return await store.LoadAsync(infos.Should().NotBeEmpty().And.Subject.Last().Id);
    }

    private async Task<List<int>> EntriesOfThreadAsync(string session)
    {
        var turns = await StoredTurns.AllAsync(memory.Session(session));
        return turns.Where(t => t.Metadata.TryGetValue(ThreadKey, out var thread) && thread?.ToString() == _thread)
            .Select(t => Convert.ToInt32(t.Metadata[EntryKey], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}
