using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Routing;

namespace Kaizen.Agents.Tests.Orchestration;

/// <summary>
/// Equally capable agents share the work: the controller tries the least busy first (fewest running, then fewest tasks
/// so far), while the router's ranking (specialist before generalist, an LLM's choice) still decides across ranks.
/// </summary>
[Trait("Category", "orchestration-lib")]
public sealed class LoadAwareRoutingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An agent whose tasks wait for the test to let them finish.</summary>
    private sealed class HeldAgent(string name, params string[] capabilities) : ITaskAgent
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly List<string> Received = [];

        public string Name => name;
        public IReadOnlySet<string> Capabilities { get; } = new HashSet<string>(capabilities);
        public bool Holds { get; init; }

        public void Release() => _release.TrySetResult();

        public async Task<TaskAgentResult> RunAsync(AgentTask task, CancellationToken cancellationToken = default)
        {
            lock (Received) Received.Add(task.Id);
            if (Holds) await _release.Task.WaitAsync(cancellationToken);
            else await Task.Yield();
            return TaskAgentResult.Success($"{name} did {task.Id}");
        }
    }

    private static AgentTask Research(string id) => new(id, $"research {id}") { RequiredCapabilities = ["research"] };

    [Fact]
    public async Task Parallel_tasks_go_to_different_equally_capable_agents()
    {
        var agents = new[] { new HeldAgent("r1", "research") { Holds = true }, new HeldAgent("r2", "research") { Holds = true } };
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2 });
        foreach (var agent in agents) controller.Register(agent);

        var run = controller.RunAllAsync([Research("t1"), Research("t2")], Ct);
        foreach (var agent in agents) agent.Release();
        var outcomes = await run.WaitAsync(Patience, Ct);

        outcomes.Select(o => o.AgentName).Should().Equal("r1", "r2");
        outcomes[1].RoutingReason.Should().Contain("r2 tried first as the least busy of the equally ranked r1 (1 running, 1 assigned), r2 (0 running, 0 assigned)");
    }

    [Fact]
    public async Task Tasks_run_one_after_another_rotate_over_idle_equally_capable_agents()
    {
        var controller = new MetaController()
            .Register(new HeldAgent("r1", "research")).Register(new HeldAgent("r2", "research")).Register(new HeldAgent("r3", "research"));

        var chosen = new List<string?>();
        foreach (var id in new[] { "t1", "t2", "t3", "t4" })
            chosen.Add((await controller.RunAsync(Research(id), Ct)).AgentName);

        chosen.Should().Equal(["r1", "r2", "r3", "r1"], "with nobody running, the agent given the fewest tasks so far goes first");
    }

    [Fact]
    public async Task A_busy_specialist_still_comes_before_an_idle_generalist()
    {
        var specialist = new HeldAgent("specialist", "research") { Holds = true };
        var generalist = new HeldAgent("generalist", "research", "code", "tools");
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2 }).Register(generalist).Register(specialist);

        var run = controller.RunAllAsync([Research("t1"), Research("t2")], Ct);
        specialist.Release();
        var outcomes = await run.WaitAsync(Patience, Ct);

        outcomes.Select(o => o.AgentName).Should().Equal("specialist", "specialist");
        generalist.Received.Should().BeEmpty();
        outcomes[1].RoutingReason.Should().Contain("specialist tried first as the best ranked candidate");
    }

    [Fact]
    public async Task A_failing_agent_hands_over_to_the_least_busy_peer_and_both_attempts_count()
    {
        var failing = new DelegateTaskAgent("r1", ["research"], (_, _) => Task.FromResult(TaskAgentResult.Failure("model down")));
        var controller = new MetaController().Register(failing)
            .Register(new HeldAgent("r2", "research")).Register(new HeldAgent("r3", "research"));

        var first = await controller.RunAsync(Research("t1"), Ct);
        var second = await controller.RunAsync(Research("t2"), Ct);

        first.Attempts.Select(a => a.AgentName).Should().Equal("r1", "r2");
        second.Attempts.Select(a => a.AgentName).Should().Equal(["r3"], "r1 and r2 were each given a task already, r3 none");
    }

    [Fact]
    public async Task A_router_without_ranks_keeps_its_order_however_busy_its_first_choice_is()
    {
        var chosen = new HeldAgent("chosen", "research") { Holds = true };
        var other = new HeldAgent("other", "research");
        var router = new FixedRouter(decision: agents => new RoutingDecision([chosen, other], "picked by hand"));
        var controller = new MetaController(new MetaControllerOptions { MaxConcurrency = 2, Router = router }).Register(chosen).Register(other);

        var run = controller.RunAllAsync([Research("t1"), Research("t2")], Ct);
        chosen.Release();
        var outcomes = await run.WaitAsync(Patience, Ct);

        outcomes.Select(o => o.AgentName).Should().Equal("chosen", "chosen");
        other.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Ranks_that_do_not_match_the_candidates_are_refused_with_the_fix()
    {
        var agent = new HeldAgent("r1", "research");
        var router = new FixedRouter(decision: _ => new RoutingDecision([agent], "one") { Ranks = [0, 1] });
        var controller = new MetaController(new MetaControllerOptions { Router = router }).Register(agent);

        await FluentActions.Awaiting(() => controller.RunAsync(Research("t1"), Ct))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*2 rank(s) for 1 candidate(s)*one rank per candidate*");
    }

    [Fact]
    public async Task Capability_router_ranks_by_extra_capabilities()
    {
        var decision = await new CapabilityRouter().RouteAsync(Research("t1"),
            [new HeldAgent("wide", "research", "code"), new HeldAgent("narrow", "research"), new HeldAgent("narrow2", "research")], Ct);

        decision.Candidates.Select(a => a.Name).Should().Equal("narrow", "narrow2", "wide");
        decision.Ranks.Should().Equal(0, 0, 1);
    }

    private sealed class FixedRouter(Func<IReadOnlyList<ITaskAgent>, RoutingDecision> decision) : ITaskRouter
    {
        public Task<RoutingDecision> RouteAsync(AgentTask task, IReadOnlyList<ITaskAgent> agents, CancellationToken cancellationToken = default) =>
            Task.FromResult(decision(agents));
    }
}
