using Kaizen.Agents.Orchestration;

namespace Kaizen.Agents.Tests.Orchestration;

/// <summary>
/// Parallel execution, proven without timing: agents block on gates the test opens, and the test waits (bounded)
/// for the number of agents running at once.
/// </summary>
[Trait("Category", "orchestration-lib")]
public sealed class MetaControllerParallelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private sealed class GatedAgent(int expectedConcurrent) : ITaskAgent
    {
        private int _running;
        public int MaxRunning;
        public readonly Dictionary<string, TaskCompletionSource> Gates = new();
        public readonly TaskCompletionSource Saturated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly List<string> Started = [];

        public string Name => "gated";
        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "work" };

        public TaskCompletionSource Gate(string id)
        {
            lock (Gates) return Gates.TryGetValue(id, out var g) ? g : Gates[id] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _running);
            lock (Started) Started.Add(task.Id);
            InterlockedMax(ref MaxRunning, now);
            if (now >= expectedConcurrent) Saturated.TrySetResult();
            try
            {
                await Gate(task.Id).Task.WaitAsync(cancellationToken);
                return TaskAgentResult.Success($"done {task.Id}");
            }
            finally { Interlocked.Decrement(ref _running); }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    private static AgentTask Task(string id, params string[] dependsOn) => new(id, $"task {id}") { DependsOn = dependsOn };

    [Fact]
    public async Task Independent_tasks_run_in_parallel_up_to_the_limit_and_results_keep_task_order()
    {
        var agent = new GatedAgent(expectedConcurrent: 2);
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2 }).Register(agent);
        var tasks = new[] { Task("t1"), Task("t2"), Task("t3"), Task("t4") };

        var run = controller.RunAllAsync(tasks, Ct);
        await agent.Saturated.Task.WaitAsync(Patience, Ct);
        lock (agent.Started) agent.Started.Should().HaveCount(2, "the limit holds the other two back");

        foreach (var id in new[] { "t4", "t3", "t2", "t1" }) agent.Gate(id).TrySetResult(); // finish in reverse order
        var outcomes = await run.WaitAsync(Patience, Ct);

        agent.MaxRunning.Should().Be(2);
        outcomes.Select(o => o.TaskId).Should().Equal("t1", "t2", "t3", "t4");
        outcomes.Select(o => o.Output).Should().Equal("done t1", "done t2", "done t3", "done t4");
    }

    [Fact]
    public async Task Dependent_task_waits_for_its_dependency()
    {
        var agent = new GatedAgent(expectedConcurrent: 2);
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 4 }).Register(agent);

        var run = controller.RunAllAsync([Task("fetch"), Task("index"), Task("report", "fetch")], Ct);
        await agent.Saturated.Task.WaitAsync(Patience, Ct);
        lock (agent.Started) agent.Started.Should().BeEquivalentTo(["fetch", "index"]);

        agent.Gate("fetch").TrySetResult();
        agent.Gate("index").TrySetResult();
        agent.Gate("report").TrySetResult();
        var outcomes = await run.WaitAsync(Patience, Ct);

        outcomes.Should().OnlyContain(o => o.Succeeded);
        lock (agent.Started) agent.Started.Last().Should().Be("report");
    }

    [Fact]
    public async Task Task_whose_dependency_failed_does_not_run()
    {
        var ran = new List<string>();
        var controller = new MetaController().Register(new DelegateTaskAgent("a", ["x"], (t, _) =>
        {
            lock (ran) ran.Add(t.Id);
            return System.Threading.Tasks.Task.FromResult(t.Id == "build" ? TaskAgentResult.Failure("red") : TaskAgentResult.Success("ok"));
        }));

        var outcomes = await controller.RunAllAsync([Task("build"), Task("deploy", "build"), Task("docs")], Ct);

        outcomes[1].Succeeded.Should().BeFalse();
        outcomes[1].FailureReason.Should().Be("dependency 'build' failed, so the task did not run");
        outcomes[2].Succeeded.Should().BeTrue();
        ran.Should().BeEquivalentTo(["build", "docs"]);
    }

    [Fact]
    public async Task Cancellation_stops_the_batch()
    {
        var agent = new GatedAgent(expectedConcurrent: 1);
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 1 }).Register(agent);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var run = controller.RunAllAsync([Task("a"), Task("b"), Task("c")], cancel.Token);
        await agent.Saturated.Task.WaitAsync(Patience, Ct);
        await cancel.CancelAsync();

        var act = () => run.WaitAsync(Patience, Ct);
        await act.Should().ThrowAsync<OperationCanceledException>();
        lock (agent.Started) agent.Started.Should().Equal("a");
    }

    [Theory]
    [InlineData("dup", "Two tasks have the id 'a'")]
    [InlineData("unknown", "depends on 'zz', which is not in the batch")]
    [InlineData("cycle", "cycle: a -> b -> a")]
    public async Task Bad_batches_are_refused_before_anything_runs(string kind, string message)
    {
        var ran = 0;
        var controller = new MetaController().Register(new DelegateTaskAgent("a", ["x"], (_, _) =>
        {
            Interlocked.Increment(ref ran);
            return System.Threading.Tasks.Task.FromResult(TaskAgentResult.Success("ok"));
        }));
        AgentTask[] batch = kind switch
        {
            "dup" => [Task("a"), Task("a")],
            "unknown" => [Task("a", "zz")],
            _ => [Task("a", "b"), Task("b", "a")],
        };

        var act = () => controller.RunAllAsync(batch, Ct);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(message);
        ran.Should().Be(0);
    }
}
