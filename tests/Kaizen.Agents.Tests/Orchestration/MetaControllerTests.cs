using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Routing;
using Kaizen.Agents.Planning;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.Agents.Tests.Orchestration;

[Trait("Category", "orchestration-lib")]
public sealed class MetaControllerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly List<string> _calls = [];

    private DelegateTaskAgent Agent(string name, string[] capabilities, Func<AgentTask, TaskAgentResult>? behave = null) =>
        new(name, capabilities, (task, _) =>
        {
            lock (_calls) _calls.Add($"{name}:{task.Id}");
            return Task.FromResult(behave?.Invoke(task) ?? TaskAgentResult.Success($"{name} did {task.Id}"));
        });

    [Fact]
    public async Task Task_is_routed_to_the_agent_with_the_required_capabilities()
    {
        var controller = new MetaController()
            .Register(Agent("writer", ["writing"]))
            .Register(Agent("coder", ["code", "python"]))
            .Register(Agent("analyst", ["data", "python"]));

        var outcome = await controller.RunAsync(new AgentTask("t1", "clean the csv") { RequiredCapabilities = ["data", "python"] }, Ct);

        outcome.Succeeded.Should().BeTrue();
        outcome.AgentName.Should().Be("analyst");
        outcome.Output.Should().Be("analyst did t1");
        outcome.RoutingReason.Should().Be("capability match for [data, python]: analyst");
        _calls.Should().Equal("analyst:t1");
    }

    [Fact]
    public async Task Specialist_is_preferred_over_a_generalist_with_the_same_capability()
    {
        var controller = new MetaController()
            .Register(Agent("generalist", ["code", "writing", "data"]))
            .Register(Agent("specialist", ["code"]));

        var outcome = await controller.RunAsync(new AgentTask("t", "fix bug") { RequiredCapabilities = ["CODE"] }, Ct);

        outcome.AgentName.Should().Be("specialist");
    }

    [Fact]
    public async Task Failing_agent_hands_the_task_to_the_next_capable_one_and_its_reason_is_kept()
    {
        var controller = new MetaController()
            .Register(Agent("primary", ["code"], _ => TaskAgentResult.Failure("compiler crashed")))
            .Register(Agent("thrower", ["code", "x"], _ => throw new InvalidOperationException("out of memory")))
            .Register(Agent("backup", ["code", "x", "y"]))
            .Register(Agent("writer", ["writing"]));

        var outcome = await controller.RunAsync(new AgentTask("t", "fix") { RequiredCapabilities = ["code"] }, Ct);

        outcome.Succeeded.Should().BeTrue();
        outcome.AgentName.Should().Be("backup");
        outcome.Attempts.Select(a => (a.AgentName, a.Succeeded, a.Error)).Should().Equal(
            ("primary", false, "compiler crashed"),
            ("thrower", false, "InvalidOperationException: out of memory"),
            ("backup", true, (string?)null));
        _calls.Should().NotContain(c => c.StartsWith("writer"));
    }

    [Fact]
    public async Task When_every_capable_agent_fails_the_outcome_lists_all_reasons()
    {
        var controller = new MetaController(new MetaControllerOptions { MaxAttemptsPerTask = 2 })
            .Register(Agent("a", ["code"], _ => TaskAgentResult.Failure("A broke")))
            .Register(Agent("b", ["code"], _ => TaskAgentResult.Failure("B broke")))
            .Register(Agent("c", ["code"], _ => TaskAgentResult.Failure("C broke")));

        var outcome = await controller.RunAsync(new AgentTask("t", "fix") { RequiredCapabilities = ["code"] }, Ct);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailureReason.Should().Be("every agent tried failed (a: A broke; b: B broke)");
        _calls.Should().HaveCount(2, "MaxAttemptsPerTask limits the tries");
    }

    [Fact]
    public async Task No_capable_agent_fails_with_what_is_registered()
    {
        var controller = new MetaController().Register(Agent("writer", ["writing"]));
        var outcome = await controller.RunAsync(new AgentTask("t", "x") { RequiredCapabilities = ["quantum"] }, Ct);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailureReason.Should().Be("no registered agent has [quantum] (registered: writer [writing])");
        _calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Attempt_durations_come_from_the_time_provider()
    {
        var time = new FakeTimeProvider();
        var controller = new MetaController(new MetaControllerOptions { TimeProvider = time })
            .Register(new DelegateTaskAgent("slow", ["x"], (_, _) => { time.Advance(TimeSpan.FromSeconds(42)); return Task.FromResult(TaskAgentResult.Success("ok")); }));

        var outcome = await controller.RunAsync(new AgentTask("t", "x"), Ct);

        outcome.Attempts.Single().Duration.Should().Be(TimeSpan.FromSeconds(42));
    }

    [Fact]
    public void Duplicate_agent_names_are_refused() =>
        new MetaController().Register(Agent("a", ["x"])).Invoking(c => c.Register(Agent("A", ["y"])))
            .Should().Throw<InvalidOperationException>().WithMessage("*'A' is already registered*");

    [Fact]
    public async Task Llm_router_picks_among_capable_agents()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { agent = "reviewer", reason = "needs a careful eye" })));
        var controller = new MetaController(new MetaControllerOptions { Router = new LlmTaskRouter(model) })
            .Register(Agent("coder", ["code"]))
            .Register(Agent("reviewer", ["code", "review"]));

        var outcome = await controller.RunAsync(new AgentTask("t", "audit the patch") { RequiredCapabilities = ["code"] }, Ct);

        outcome.AgentName.Should().Be("reviewer");
        outcome.RoutingReason.Should().StartWith("LLM router chose reviewer: needs a careful eye");
        model.Requests.Single().LastUserText.Should().Contain("- coder: code").And.Contain("- reviewer: code, review");
        var format = model.Requests.Single().Options!.ResponseFormat.Should().BeOfType<Microsoft.Extensions.AI.ChatResponseFormatJson>().Subject;
        format.Schema!.Value.GetProperty("properties").GetProperty("agent").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(["coder", "reviewer"], "a model with structured output can only name a capable agent");
    }

    [Fact]
    public async Task Llm_router_cannot_route_to_an_incapable_or_unknown_agent()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { agent = "writer" })));
        var controller = new MetaController(new MetaControllerOptions { Router = new LlmTaskRouter(model) })
            .Register(Agent("writer", ["writing"]))
            .Register(Agent("coder", ["code"]))
            .Register(Agent("coder2", ["code", "tests"]));

        var outcome = await controller.RunAsync(new AgentTask("t", "fix") { RequiredCapabilities = ["code"] }, Ct);

        outcome.AgentName.Should().Be("coder");
        outcome.RoutingReason.Should().Contain("LLM router answer 'writer' is not a candidate, capability order kept");
    }

    [Fact]
    public async Task Llm_router_failure_falls_back_to_capability_order()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Fail(new HttpRequestException("503"))));
        var controller = new MetaController(new MetaControllerOptions { Router = new LlmTaskRouter(model) })
            .Register(Agent("a", ["code"])).Register(Agent("b", ["code"]));

        var outcome = await controller.RunAsync(new AgentTask("t", "fix") { RequiredCapabilities = ["code"] }, Ct);

        outcome.AgentName.Should().Be("a");
        outcome.RoutingReason.Should().Contain("LLM router failed (503)");
    }

    [Fact]
    public async Task Planning_agent_can_be_routed_to_and_its_final_step_output_is_the_result()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Json(new { steps = new[] { new { description = "outline" }, new { description = "draft" } } })));
        var planner = new PlanningAgent(model, new DelegateStepExecutor((r, _) => Task.FromResult(StepOutcome.Success($"{r.Step.Description} ready"))));
        var controller = new MetaController().Register(Agent("chatter", ["chat"])).Register(new PlanningTaskAgent("planner", ["planning"], planner));

        var outcome = await controller.RunAsync(new AgentTask("t", "write an essay") { RequiredCapabilities = ["planning"] }, Ct);

        outcome.AgentName.Should().Be("planner");
        outcome.Output.Should().Be("draft ready");
        model.Requests.Single().LastUserText.Should().Contain("Goal: write an essay");
    }
}
