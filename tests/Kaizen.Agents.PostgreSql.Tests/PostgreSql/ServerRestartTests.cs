using Kaizen.Agents.Llm;
using Kaizen.Agents.PostgreSql.Tests.Support;
using Kaizen.Testing.Postgres;

namespace Kaizen.Agents.PostgreSql.Tests.PostgreSql;

/// <summary>The server restarts while an agent runs: a clear error (or a run that reconnects), every committed checkpoint kept, the store usable.</summary>
[Trait("Category", "postgres-lib")]
public sealed class ServerRestartTests(PostgresServerFixture server) : IDisposable
{
    // A cluster of its own: restarting the run's shared server would cut the other tests' connections.
    private readonly PostgresTestServer _own = new(ownCluster: true);

    public void Dispose() => _own.Dispose();

    [Fact]
    public async Task A_server_restarted_mid_run_keeps_every_committed_checkpoint_and_the_run_resumes_afterwards()
    {
        var connectionString = _own.ConnectionString ?? server.ConnectionString; // no cluster of its own: skips (or fails in CI) like the others
        await using var database = PostgresDatabase.Open(connectionString, "restart");
        var atTurn3 = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) =>
        {
            if (turn == 3)
            {
                atTurn3.TrySetResult();
                proceed.Task.Wait(TimeSpan.FromMinutes(2));
            }
            return ScriptedReply.Working($"step {turn}");
        }));
        using var agent = new AutonomousAgent(
            new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath(), CheckpointInterval = 1 },
            services: new AgentServices { ChatClient = model, CheckpointStore = new PostgresCheckpointStore(database) });

        var run = agent.RunAutonomousAsync("count", maxTurns: 5, TestContext.Current.CancellationToken);
        await atTurn3.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        _own.Restart();
        proceed.SetResult();
        Exception? failure = null;
        try
        {
            await run;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (failure is not null)
            failure.Should().BeOfType<PostgresStoreUnavailableException>().Which.Message.Should().Contain(database.Location).And.Contain("Nothing of this call was committed");
        var store = new PostgresCheckpointStore(database);
        var thread = await store.ListAsync(agent.CurrentThreadId!, TestContext.Current.CancellationToken);
        thread.Select(c => c.Turn).Should().StartWith([1, 2], "the checkpoints committed before the restart are kept");
        foreach (var info in thread) (await store.LoadAsync(info.Id, TestContext.Current.CancellationToken)).State.Turn.Should().Be(info.Turn);

        using var resumer = new AutonomousAgent(
            new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath(), CheckpointInterval = 1 },
            services: new AgentServices { ChatClient = new ScriptedChatClient(ChatScript.Endless()), CheckpointStore = store });
        (await resumer.ResumeAsync(thread[^1].Id, maxTurns: 5, cancellationToken: TestContext.Current.CancellationToken)).Turns.Should().Be(5, "the store works again after the restart");
    }
}
