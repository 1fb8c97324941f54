using Kaizen.Agents.Llm;
using Kaizen.Agents.Orchestration;
using Kaizen.Agents.Orchestration.Strategies;
using Kaizen.Agents.Planning.Strategies;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;

namespace Kaizen.Agents.Tests.Orchestration;

[Trait("Category", "orchestration-lib")]
public sealed class StrategySelectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Fetch the latest release notes from the URL and summarise", ReasoningStrategyKind.ReAct)]
    [InlineData("Read the config file and list its keys", ReasoningStrategyKind.ReAct)]
    [InlineData("Brainstorm alternative names for the product", ReasoningStrategyKind.TreeOfThoughts)]
    [InlineData("Solve this puzzle: three boxes, one label each", ReasoningStrategyKind.TreeOfThoughts)]
    [InlineData("How many days are there in 3 leap years?", ReasoningStrategyKind.ChainOfThought)]
    public void Strategy_follows_the_task_description(string description, ReasoningStrategyKind expected) =>
        new StrategySelector().Select(new AgentTask("t", description)).Kind.Should().Be(expected);

    [Fact]
    public void Context_hints_override_the_description()
    {
        var selector = new StrategySelector();
        selector.Select(new AgentTask("t", "Fetch the URL") { Context = new Dictionary<string, string> { ["strategy"] = "treeofthoughts" } })
            .Should().Match<StrategySelection>(s => s.Kind == ReasoningStrategyKind.TreeOfThoughts && s.Reason == "the task context asks for TreeOfThoughts");
        selector.Select(new AgentTask("t", "Compute totals") { Context = new Dictionary<string, string> { ["needs_tools"] = "true" } })
            .Kind.Should().Be(ReasoningStrategyKind.ReAct);
        selector.Select(new AgentTask("t", "Compute totals") { RequiredCapabilities = ["tools"] }).Kind.Should().Be(ReasoningStrategyKind.ReAct);
    }

    [Fact]
    public void Unknown_strategy_hint_names_the_valid_ones()
    {
        var act = () => new StrategySelector().Select(new AgentTask("t9", "x") { Context = new Dictionary<string, string> { ["strategy"] = "magic" } });
        act.Should().Throw<ArgumentException>().WithMessage("Task 't9' asks for strategy 'magic'; use one of ReAct, ChainOfThought, TreeOfThoughts*");
    }

    [Fact]
    public void Poor_record_makes_the_selector_prefer_a_strategy_that_does_better()
    {
        var monitor = new StrategyPerformanceMonitor();
        for (var i = 0; i < 4; i++) monitor.Record(ReasoningStrategyKind.ChainOfThought, StrategyOutcome.Stalled, TimeSpan.FromSeconds(1), 1);
        for (var i = 0; i < 3; i++) monitor.Record(ReasoningStrategyKind.TreeOfThoughts, StrategyOutcome.Succeeded, TimeSpan.FromSeconds(2), 5);

        var selection = new StrategySelector(monitor).Select(new AgentTask("t", "How many days in 3 years?"));

        selection.Kind.Should().Be(ReasoningStrategyKind.TreeOfThoughts);
        selection.Reason.Should().Contain("ChainOfThought succeeded 0/4 while TreeOfThoughts succeeded 3/3");
        selection.Fallbacks.Should().Equal(ReasoningStrategyKind.ReAct, ReasoningStrategyKind.ChainOfThought);
    }

    [Fact]
    public void Monitor_keeps_per_strategy_records()
    {
        var monitor = new StrategyPerformanceMonitor();
        monitor.Record(ReasoningStrategyKind.ReAct, StrategyOutcome.Succeeded, TimeSpan.FromSeconds(2), 3);
        monitor.Record(ReasoningStrategyKind.ReAct, StrategyOutcome.Stalled, TimeSpan.FromSeconds(4), 8);
        monitor.Record(ReasoningStrategyKind.ReAct, StrategyOutcome.Failed, TimeSpan.FromSeconds(3), 1);

        var react = monitor.For(ReasoningStrategyKind.ReAct);
        react.Should().Be(new StrategyStats(ReasoningStrategyKind.ReAct, 3, 1, 1, 1, TimeSpan.FromSeconds(9), 12));
        react.SuccessRate.Should().BeApproximately(1.0 / 3, 1e-9);
        react.AverageDuration.Should().Be(TimeSpan.FromSeconds(3));
        monitor.For(ReasoningStrategyKind.TreeOfThoughts).SuccessRate.Should().BeNull();
    }

    [Fact]
    public async Task Stalled_strategy_is_switched_at_run_time_and_both_runs_are_recorded()
    {
        // The scripted model answers by prompt: the CoT request (its system prompt) gets no answer (a stall),
        // the ToT requests get proposals, scores and an answer.
        var model = new ScriptedChatClient(r =>
            r.SystemText.Contains("step by step") ? ScriptedReply.Json(new { steps = new[] { "hmm" }, answer = "" })
            : r.LastUserText.Contains("Propose") ? ScriptedReply.Json(new { thoughts = new[] { "idea" } })
            : r.LastUserText.Contains("Score this") ? ScriptedReply.Json(new { score = 9 })
            : ScriptedReply.Json(new { answer = "42" }));
        var runner = new AdaptiveStrategyRunner([new ChainOfThoughtStrategy(model), new TreeOfThoughtsStrategy(model), new ReActStrategy(model)]);

        var result = await runner.RunAsync(new AgentTask("t", "What is six times seven?"), Ct);

        result.Selection.Kind.Should().Be(ReasoningStrategyKind.ChainOfThought);
        result.Final.Kind.Should().NotBe(ReasoningStrategyKind.ChainOfThought);
        result.Runs[0].Outcome.Should().Be(StrategyOutcome.Stalled);
        result.Switches[0].Should().StartWith("ChainOfThought stalled (the model reasoned but gave no answer); switched to");
        runner.Monitor.For(ReasoningStrategyKind.ChainOfThought).Stalls.Should().Be(1);
        runner.Monitor.All.Sum(s => s.Runs).Should().Be(result.Runs.Count);
    }

    [Fact]
    public async Task Tree_of_thoughts_answers_after_the_switch()
    {
        var model = new ScriptedChatClient(r =>
            r.SystemText.Contains("step by step") ? ScriptedReply.Json(new { steps = Array.Empty<string>(), answer = "" })
            : r.LastUserText.Contains("Propose") ? ScriptedReply.Json(new { thoughts = new[] { "6*7" } })
            : r.LastUserText.Contains("Score this") ? ScriptedReply.Json(new { score = 10 })
            : ScriptedReply.Json(new { answer = "42" }));
        var runner = new AdaptiveStrategyRunner([new ChainOfThoughtStrategy(model), new TreeOfThoughtsStrategy(model)]);

        var result = await runner.RunAsync(new AgentTask("t", "What is six times seven?"), Ct);

        result.Final.Kind.Should().Be(ReasoningStrategyKind.TreeOfThoughts);
        result.Final.Answer.Should().Be("42");
        result.Switches.Should().ContainSingle().Which.Should().EndWith("switched to TreeOfThoughts");
        runner.Monitor.For(ReasoningStrategyKind.TreeOfThoughts).Successes.Should().Be(1);
    }

    [Fact]
    public async Task Strategy_agent_in_the_meta_controller_reports_every_failed_strategy()
    {
        var model = new ScriptedChatClient(_ => ScriptedReply.Json(new { steps = new[] { "?" }, answer = "" }));
        var agent = new StrategyTaskAgent("thinker", ["reasoning"], new AdaptiveStrategyRunner([new ChainOfThoughtStrategy(model)]));
        var controller = new MetaController().Register(agent);

        var outcome = await controller.RunAsync(new AgentTask("t", "unanswerable") { RequiredCapabilities = ["reasoning"] }, Ct);

        outcome.Succeeded.Should().BeFalse();
        outcome.FailureReason.Should().Contain("no strategy found an answer: ChainOfThought Stalled");
        agent.LastRun!.Runs.Should().ContainSingle();
    }

    [Fact]
    public async Task Pending_approval_ends_the_adaptive_run_without_switching()
    {
        var registry = new ToolRegistry();
        var writes = 0;
        registry.Register(Microsoft.Extensions.AI.AIFunctionFactory.Create((string path) => { writes++; return "ok"; }, "write_file"), DangerLevel.Medium);
        var tools = new ToolExecutor(registry, approvals: new StoredApprovalHandler(new InMemoryApprovalStore()));
        var model = new ScriptedChatClient(_ => ScriptedReply.CallTool("write_file", new { path = "a.txt" }));
        var runner = new AdaptiveStrategyRunner([new ReActStrategy(model, tools), new ChainOfThoughtStrategy(model)]);

        var result = await runner.RunAsync(new AgentTask("t", "write the file a.txt"), Ct);

        result.Final.Outcome.Should().Be(StrategyOutcome.PendingApproval);
        result.Runs.Should().ContainSingle();
        result.Switches.Should().BeEmpty();
        writes.Should().Be(0);
    }

    [Fact]
    public async Task Every_strategy_failing_reports_the_last_result_and_all_switches()
    {
        var model = new ScriptedChatClient(_ => ScriptedReply.Fail(new HttpRequestException("model offline")));
        var runner = new AdaptiveStrategyRunner([new ChainOfThoughtStrategy(model), new TreeOfThoughtsStrategy(model), new ReActStrategy(model)]);

        var result = await runner.RunAsync(new AgentTask("t", "What is 2+2?"), Ct);

        result.Runs.Should().HaveCount(3).And.OnlyContain(r => r.Outcome == StrategyOutcome.Failed && r.Reason == "the model failed: model offline");
        result.Switches.Should().HaveCount(2);
        runner.Monitor.All.Sum(s => s.Failures).Should().Be(3);
    }
}
