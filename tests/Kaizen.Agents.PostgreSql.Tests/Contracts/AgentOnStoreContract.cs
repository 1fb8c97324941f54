using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.PostgreSql.Tests.Stores;

namespace Kaizen.Agents.PostgreSql.Tests.Contracts;

/// <summary>An agent behaves the same on every store: hooks around each checkpoint, resume, fork, and no accidental fork by two resumers.</summary>
public abstract class AgentOnStoreContract(IStoreUnderTest stores) : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "kaizen-store-contract-agents", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    protected IStoreUnderTest Stores { get; } = stores;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
        await Stores.DisposeAsync();
        if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }

    private AutonomousAgent Agent(ICheckpointStore store, IReadOnlyList<ICheckpointHook>? hooks = null, Func<int, TimeSpan>? delay = null)
    {
        var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) => turn == 6
            ? ScriptedReply.Complete(new { result = "done" })
            : ScriptedReply.Working($"step {turn}").After(delay?.Invoke(turn) ?? TimeSpan.Zero)));
        var agent = new AutonomousAgent(
            new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = _dataFolder, CheckpointInterval = 1, MaxTurns = 20, HandleProcessSignals = false },
            services: new AgentServices { ChatClient = model, CheckpointStore = store, CheckpointHooks = hooks ?? [] });
        _owned.Add(agent);
        _owned.Add(store);
        return agent;
    }

    [Fact]
    public async Task Hooks_run_around_every_checkpoint_and_a_pre_hook_change_is_what_gets_stored()
    {
        var seen = new List<string>();
        var hook = new DelegateCheckpointHook(
            before: context =>
            {
                seen.Add($"before {context.State.Turn}");
                context.State = context.State with { Extensions = new Dictionary<string, string>(context.State.Extensions) { ["stamp"] = $"turn {context.State.Turn}" } };
                return ValueTask.CompletedTask;
            },
            after: (context, saved) =>
            {
                seen.Add($"after {saved.Turn}");
                return ValueTask.CompletedTask;
            });
        var agent = Agent(Stores.OpenCheckpoints(), [hook]);

        var result = await agent.RunAutonomousAsync("count", maxTurns: 3);

        seen.Should().Equal("before 1", "after 1", "before 2", "after 2", "before 3", "after 3");
        var stored = await Stores.OpenCheckpoints().LoadAsync(result.LastCheckpointId!);
        stored.State.Extensions["stamp"].Should().Be("turn 3");
    }

    [Fact]
    public async Task A_run_resumes_from_another_store_object_and_a_fork_starts_a_new_thread()
    {
        var first = await Agent(Stores.OpenCheckpoints()).RunAutonomousAsync("count", maxTurns: 3);

        var resumer = Agent(Stores.OpenCheckpoints());
        var resumed = await resumer.ResumeAsync(first.LastCheckpointId!, maxTurns: 10);
        resumed.Turns.Should().Be(6);
        resumed.ThreadId.Should().Be(first.ThreadId);
        var thread = await resumer.ListCheckpointsAsync(first.ThreadId);
        thread.Select(c => c.Turn).Should().Equal(1, 2, 3, 4, 5, 6);
        thread.Skip(1).Select(c => c.ParentId).Should().Equal(thread.SkipLast(1).Select(c => c.Id), "each checkpoint follows the previous one");

        var fork = await resumer.ForkAsync(thread[1].Id);
        fork.ThreadId.Should().NotBe(first.ThreadId);
        fork.ParentId.Should().Be(thread[1].Id);
        fork.Kind.Should().Be(CheckpointKind.Fork);
        (await resumer.ListCheckpointsAsync(first.ThreadId)).Should().HaveCount(6, "forking leaves the original thread alone");
    }

    [Fact]
    public async Task Two_agents_resuming_the_same_checkpoint_one_wins_and_the_other_gets_a_conflict()
    {
        var start = await Agent(Stores.OpenCheckpoints()).RunAutonomousAsync("count", maxTurns: 2);
        var slow = Agent(Stores.OpenCheckpoints(), delay: _ => TimeSpan.FromMilliseconds(400));
        var fast = Agent(Stores.OpenCheckpoints());

        var slowRun = slow.ResumeAsync(start.LastCheckpointId!, maxTurns: 4);
        await Task.Delay(100);
        var fastRun = await fast.ResumeAsync(start.LastCheckpointId!, maxTurns: 4);
        var conflict = (await FluentActions.Awaiting(() => slowRun).Should().ThrowAsync<CheckpointConflictException>()).Which;

        fastRun.Turns.Should().Be(4);
        conflict.ExpectedHeadId.Should().Be(start.LastCheckpointId);
        var thread = await fast.ListCheckpointsAsync(start.ThreadId);
        thread.Select(c => c.Turn).Should().Equal(1, 2, 3, 4);
        thread.Select(c => c.ParentId).Distinct().Should().HaveCount(4, "no checkpoint has two children: the thread did not fork");
    }
}
