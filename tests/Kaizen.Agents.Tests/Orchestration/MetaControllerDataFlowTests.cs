using Kaizen.Agents.Orchestration;

namespace Kaizen.Agents.Tests.Orchestration;

/// <summary>What flows along the task graph, and that agents whose work is synchronous still run side by side.</summary>
[Trait("Category", "orchestration-lib")]
public sealed class MetaControllerDataFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class EchoAgent(string name, string capability) : ITaskAgent
    {
        public readonly List<string> Prompts = [];
        public string Name => name;
        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { capability };

        public Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
        {
            lock (Prompts) Prompts.Add(task.ToPrompt());
            return Task.FromResult(TaskAgentResult.Success($"{name} on {task.Id}"));
        }
    }

    // Blocks its thread (as in-process inference does) until every expected peer is inside RunAsync too.
    private sealed class SynchronousBarrierAgent(string name, Barrier barrier) : ITaskAgent
    {
        public string Name => name;
        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string> { "work" };

        public Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
        {
            var met = barrier.SignalAndWait(TimeSpan.FromSeconds(30), cancellationToken);
            return Task.FromResult(met ? TaskAgentResult.Success(task.Id) : TaskAgentResult.Failure("peers never ran at the same time"));
        }
    }

    [Fact]
    public async Task A_task_receives_the_outputs_of_the_tasks_it_depends_on_in_their_order()
    {
        var researcher = new EchoAgent("researcher", "research");
        var writer = new EchoAgent("writer", "writing");
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2 }).Register(researcher).Register(writer);

        var outcomes = await controller.RunAllAsync(
        [
            new AgentTask("a", "research A") { RequiredCapabilities = ["research"] },
            new AgentTask("b", "research B") { RequiredCapabilities = ["research"] },
            new AgentTask("synthesis", "write it up") { RequiredCapabilities = ["writing"], DependsOn = ["b", "a"] },
        ], Ct);

        outcomes.Should().OnlyContain(o => o.Succeeded);
        var prompt = writer.Prompts.Should().ContainSingle().Subject;
        prompt.Should().StartWith("write it up");
        prompt.IndexOf("- b: researcher on b", StringComparison.Ordinal).Should().BePositive()
            .And.BeLessThan(prompt.IndexOf("- a: researcher on a", StringComparison.Ordinal));
        researcher.Prompts.Should().BeEquivalentTo(["research A", "research B"], "tasks without dependencies get their description only");
    }

    [Fact]
    public async Task Agents_that_compute_synchronously_still_run_in_parallel()
    {
        using var barrier = new Barrier(3);
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 3 });
        for (var i = 1; i <= 3; i++) controller.Register(new SynchronousBarrierAgent($"worker-{i}", barrier));

        var outcomes = await controller.RunAllAsync(Enumerable.Range(1, 3).Select(i => new AgentTask($"t{i}", "work") { RequiredCapabilities = ["work"] }), Ct);

        outcomes.Should().OnlyContain(o => o.Succeeded, "all three agents must have been inside their work at once: {0}",
            string.Join("; ", outcomes.Select(o => o.FailureReason)));
    }
}
