using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Llm;
using Kaizen.Agents.PostgreSql.Tests.Stores;
using Kaizen.Agents.PostgreSql.Tests.Support;
using Kaizen.Testing.Processes;

namespace Kaizen.Agents.PostgreSql.Tests.PostgreSql;

/// <summary>Real processes on one database: a resume race, many writers, and a SIGKILL in the middle of writing.</summary>
[Trait("Category", "postgres-lib")]
public sealed class MultiProcessTests(PostgresServerFixture server) : IAsyncDisposable
{
    private const string Host = "Kaizen.Agents.PostgreSql.TestHost";
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(3);
    private readonly PostgresStoreUnderTest _stores = new(server);
    private readonly List<AgentProcess> _processes = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        await _stores.DisposeAsync();
    }

    private AgentProcess Start(params string[] args)
    {
        var process = AgentProcess.StartHost(Host, LineTimeout, [args[0], _stores.ConnectionString, _stores.Schema, .. args[1..]]);
        _processes.Add(process);
        return process;
    }

    [Fact]
    public async Task Two_processes_resuming_the_same_thread_one_wins_and_the_other_gets_a_conflict()
    {
        var store = new PostgresCheckpointStore(_stores.Database());
        using var starter = new AutonomousAgent(
            new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath(), CheckpointInterval = 1, HandleProcessSignals = false },
            services: new AgentServices { ChatClient = new ScriptedChatClient(ChatScript.Endless()), CheckpointStore = store });
        var start = await starter.RunAutonomousAsync("count", maxTurns: 2, TestContext.Current.CancellationToken);
        var go = Path.Combine(Path.GetTempPath(), "kaizen-go-" + Guid.NewGuid().ToString("N"));

        var first = Start("resume", start.LastCheckpointId!, go);
        var second = Start("resume", start.LastCheckpointId!, go);
        await first.ReadUntilAsync("turn-started 3");
        await second.ReadUntilAsync("turn-started 3"); // both have read the thread's head before either saves
        await File.WriteAllTextAsync(go, "go", TestContext.Current.CancellationToken);
        var outcomes = new[] { await OutcomeAsync(first), await OutcomeAsync(second) };
        var exits = new[] { await first.WaitForExitAsync(), await second.WaitForExitAsync() };
        File.Delete(go);

        outcomes.Should().ContainSingle(line => line == "done 4").And.ContainSingle(line => line.StartsWith("conflict ", StringComparison.Ordinal));
        exits.Should().BeEquivalentTo([0, 4]);
        var thread = await store.ListAsync(start.ThreadId, TestContext.Current.CancellationToken);
        thread.Select(c => c.Turn).Should().Equal(1, 2, 3, 4);
        thread.Skip(1).Select(c => c.ParentId).Should().Equal(thread.SkipLast(1).Select(c => c.Id), "the thread is one chain: it did not fork");
    }

    private static async Task<string> OutcomeAsync(AgentProcess process)
    {
        while (await process.ReadLineAsync() is { } line)
            if (line.StartsWith("done", StringComparison.Ordinal) || line.StartsWith("conflict", StringComparison.Ordinal)) return line;
        throw new InvalidOperationException("The resuming process ended without an outcome: " + string.Join("\n", process.StandardError));
    }

    [Fact]
    public async Task Four_processes_of_two_agents_write_a_thousand_turns_each_without_losing_or_repeating_one()
    {
        const int processes = 4, agents = 2, turns = 1000;
        var writers = Enumerable.Range(0, processes).Select(p => Start("writers", p.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{agents}", $"{turns}")).ToList();
        foreach (var writer in writers) await writer.ReadUntilAsync("done");

        var memory = new PostgresMemoryBackend(_stores.Database(), "team");
        var all = await memory.LoadWarmTierAsync(int.MaxValue, TestContext.Current.CancellationToken);

        all.Should().HaveCount(processes * agents * turns);
        all.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, processes * agents * turns).Select(i => (long)i), "one gap-free sequence");
        all.Select(t => t.Id).Should().OnlyHaveUniqueItems();
        var expected = from p in Enumerable.Range(0, processes) from a in Enumerable.Range(0, agents) from i in Enumerable.Range(0, turns) select $"p{p}-a{a} turn {i}";
        all.Select(t => t.Content).Order(StringComparer.Ordinal).Should().Equal(expected.Order(StringComparer.Ordinal), "every turn exactly once");
        foreach (var agent in all.GroupBy(t => (string)t.Metadata["agent"]!))
            agent.Select(t => (int)t.Metadata["turn"]!).Should().BeInAscendingOrder("an agent's turns keep its order in the shared sequence");

        var checkpoints = new PostgresCheckpointStore(_stores.Database());
        (await checkpoints.ListThreadsAsync(TestContext.Current.CancellationToken)).Should().HaveCount(processes * agents);
        foreach (var thread in await checkpoints.ListThreadsAsync(TestContext.Current.CancellationToken))
            (await checkpoints.ListAsync(thread, TestContext.Current.CancellationToken)).Select(c => c.Turn).Should().Equal(Enumerable.Range(1, turns / 100).Select(i => i * 100));
    }

    [Fact]
    public async Task A_process_killed_mid_write_loses_nothing_it_committed_and_leaves_nothing_half_written()
    {
        var writer = Start("kill-writer", "victim", "victim-thread");
        var turns = new Dictionary<long, string>();
        var checkpoints = new List<string>();
        while (turns.Count < 300)
        {
            var parts = (await writer.ReadLineAsync())!.Split(' ');
            if (parts[0] == "turn") turns[long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)] = parts[2];
            else checkpoints.Add(parts[2]);
        }
        writer.KillHard();

        var memory = new PostgresMemoryBackend(_stores.Database(), "victim");
        var stored = await memory.LoadWarmTierAsync(int.MaxValue, TestContext.Current.CancellationToken);
        stored.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, stored.Count).Select(i => (long)i), "no gap: a turn is there whole or not at all");
        foreach (var (sequence, id) in turns) stored[(int)sequence].Id.Should().Be(id, "turn {0} was reported committed", sequence);
        stored.Should().OnlyContain(t => t.Content.StartsWith("turn ", StringComparison.Ordinal));

        var store = new PostgresCheckpointStore(_stores.Database());
        var thread = await store.ListAsync("victim-thread", TestContext.Current.CancellationToken);
        thread.Select(c => c.Id).Should().StartWith(checkpoints, "every reported checkpoint is kept, in order");
        foreach (var info in thread) (await store.LoadAsync(info.Id, TestContext.Current.CancellationToken)).State.Turn.Should().Be(info.Turn, "each checkpoint verifies");
        var resumed = await store.SaveAsync(new CheckpointWrite("victim-thread", thread[^1].Id, CheckpointKind.Manual, new AgentState { Task = "after the crash", Turn = thread[^1].Turn })
            { ExpectedHeadId = thread[^1].Id }, TestContext.Current.CancellationToken);
        resumed.ParentId.Should().Be(thread[^1].Id, "the newest listed checkpoint is the thread's head");
    }
}
