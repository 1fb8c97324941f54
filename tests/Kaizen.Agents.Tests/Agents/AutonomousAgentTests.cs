using System.Text.Json;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Agents;

[Trait("Category", "agents")]
public sealed class AutonomousAgentTests : IDisposable
{
    private readonly AgentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_run_ends_on_the_completion_signal_with_outputs_tokens_and_a_final_checkpoint()
    {
        var model = new ScriptedChatClient(new ChatScript().Working("look").Working("think").Complete(new { result = "done it" }));
        var agent = _fixture.Agent(model);

        var result = await agent.RunAutonomousAsync("Process data", maxTurns: 10);

        result.StopReason.Should().Be(AgentStopReason.Completed);
        result.Turns.Should().Be(3);
        result.GetOutput<string>("result").Should().Be("done it");
        result.InputTokens.Should().Be(model.Requests.Sum(r => ScriptedTokenCounter.Count(r.Messages)));
        result.TotalTokens.Should().BeGreaterThan(result.InputTokens);
        result.CostUsd.Should().Be(0m);
        result.LastCheckpointId.Should().NotBeNull();
        var checkpoints = await agent.ListCheckpointsAsync(result.ThreadId);
        checkpoints.Should().ContainSingle().Which.Kind.Should().Be(CheckpointKind.Final);
    }

    [Fact]
    public async Task The_prompt_carries_the_signature_the_task_and_the_history()
    {
        var model = new ScriptedChatClient(new ChatScript().Working("one").Complete(new { result = "r" }));
        await _fixture.Agent(model).RunAutonomousAsync("Summarise the report");

        var second = model.Requests[1];
        second.SystemText.Should().Contain("- task (text): Task to complete")
            .And.Be(model.Requests[0].SystemText, "the system prompt stays the same from turn to turn, so a prompt cache keeps it and the conversation after it");
        second.Messages[1].Text.Should().Be("Task: Summarise the report");
        second.Messages[2].Role.Should().Be(ChatRole.Assistant);
        second.Messages[2].Text.Should().Contain("\"thought\":\"one\"");
        second.Turn.Should().Be(2);
    }

    [Fact]
    public async Task Without_completion_the_run_stops_at_max_turns_with_checkpoints_every_interval()
    {
        var agent = _fixture.Agent(config: _fixture.Config(interval: 5));

        var result = await agent.RunAutonomousAsync("Process data", maxTurns: 10);

        result.StopReason.Should().Be(AgentStopReason.MaxTurns);
        result.Turns.Should().Be(10);
        result.Outputs.Should().BeEmpty();
        var checkpoints = await agent.ListCheckpointsAsync();
        checkpoints.Select(c => (c.Turn, c.Kind)).Should().Equal((5, CheckpointKind.Auto), (10, CheckpointKind.Auto));
        checkpoints[1].ParentId.Should().Be(checkpoints[0].Id);
        result.LastCheckpointId.Should().Be(checkpoints[1].Id);
        FluentActions.Invoking(() => result.GetOutput<string>("result")).Should().Throw<KeyNotFoundException>().WithMessage("*ended with MaxTurns*");
    }

    [Fact]
    public async Task Events_report_turns_and_checkpoints_in_order()
    {
        var agent = _fixture.Agent(new ScriptedChatClient(new ChatScript().Working("a").Complete(new { result = "b" })), _fixture.Config(interval: 1));

        await agent.RunAutonomousAsync("t");

        _fixture.Events.All.Select(e => $"{e.GetType().Name}:{e.Turn}").Should().Equal(
            "TurnStarted:1", "TurnFinished:1", "CheckpointSaved:1", "TurnStarted:2", "TurnFinished:2", "CheckpointSaved:2", "RunFinished:2");
        _fixture.Events.Of<TurnFinished>()[1].Completed.Should().BeTrue();
        _fixture.Events.Of<TurnFinished>()[0].InputTokens.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Broken_outputs_get_one_repair_request()
    {
        var model = new ScriptedChatClient(new ChatScript()
            .Complete(new { answer = "wrong field" })
            .Complete(new { result = "fixed" }));

        var result = await _fixture.Agent(model).RunAutonomousAsync("t");

        result.GetOutput<string>("result").Should().Be("fixed");
        result.Turns.Should().Be(1);
        model.Requests[1].LastUserText.Should().Contain("\"result\" is missing");
    }

    [Fact]
    public async Task Outputs_still_broken_after_the_repair_fail_with_a_clear_error_and_an_error_checkpoint()
    {
        var model = new ScriptedChatClient(new ChatScript().Working("w").Reply(ScriptedReply.RawJson("{\"done\": true, \"outputs\": {")).Complete(new { nope = 1 }));
        var agent = _fixture.Agent(model);

        var error = (await FluentActions.Awaiting(() => agent.RunAutonomousAsync("t")).Should().ThrowAsync<SignatureOutputException>()).Which;

        error.Message.Should().Contain("signature 'Task' after one repair attempt").And.Contain("\"result\" is missing");
        var checkpoints = await agent.ListCheckpointsAsync();
        checkpoints.Should().ContainSingle().Which.Should().Match<CheckpointInfo>(c => c.Kind == CheckpointKind.Error && c.Turn == 1);
    }

    [Fact]
    public async Task Tool_calls_run_through_the_executor_and_their_results_reach_the_model()
    {
        var tools = new DelegateToolExecutor()
            .Add("add", args => ((JsonElement)args["a"]!).GetInt32() + ((JsonElement)args["b"]!).GetInt32())
            .Add("shout", args => ((JsonElement)args["text"]!).GetString()!.ToUpperInvariant());
        var model = new ScriptedChatClient(new ChatScript()
            .CallTool("add", new { a = 2, b = 3 })
            .Reply(r => ScriptedReply.CallTool("shout", new { text = $"sum is {r.PendingToolResults.Single().Result}" }))
            .Reply(r => ScriptedReply.Complete(new { result = r.PendingToolResults.Single().Result!.ToString() })));
        var agent = _fixture.Agent(model, services: new AgentServices { Tools = tools });

        var result = await agent.RunAutonomousAsync("chain tools");

        result.GetOutput<string>("result").Should().Be("SUM IS 5");
        tools.Executed.Select(e => (e.Call.Name, e.Context.Turn)).Should().Equal(("add", 1), ("shout", 2));
        tools.Executed[0].Context.ThreadId.Should().Be(result.ThreadId);
        model.Requests[0].OfferedTools.Should().BeEquivalentTo("add", "shout");
        _fixture.Events.Of<ToolCalled>().Select(t => t.Status.ToString()).Should().Equal("Succeeded", "Succeeded");
    }

    [Fact]
    public async Task A_tool_call_without_an_executor_comes_back_as_a_failure_for_the_model()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.CallTool("rm", new { path = "/" }).IgnoringOfferedTools()).Complete(new { result = "ok" }));
        await _fixture.Agent(model).RunAutonomousAsync("t");
        model.Requests[1].PendingToolResults.Single().Result!.ToString().Should().Contain("No tools are available");
    }

    [Fact]
    public async Task Extensions_persist_in_checkpoints_and_the_plan_reaches_the_prompt()
    {
        var extensions = new Dictionary<string, string> { ["plan"] = """{"steps":["a","b"]}""" };
        var model = new ScriptedChatClient(new ChatScript().Working("1").Working("2").Complete(new { result = "r" }));
        var agent = _fixture.Agent(model, _fixture.Config(interval: 1),
            new AgentServices { Observers = [new DelegateAgentObserver(e => { if (e is TurnStarted { Turn: 2 }) extensions["plan"] = """{"steps":["b"]}"""; })] });

        var result = await agent.RunAutonomousAsync(new AgentRunRequest("plan it") { Extensions = extensions });

        model.Requests[0].SystemText.Should().Contain("""Current plan (JSON): {"steps":["a","b"]}""");
        model.Requests[2].SystemText.Should().Contain("""Current plan (JSON): {"steps":["b"]}""");
        var first = await agent.Checkpoints.LoadAsync((await agent.ListCheckpointsAsync())[0].Id);
        first.State.Extensions["plan"].Should().Be("""{"steps":["a","b"]}""");
        result.Extensions["plan"].Should().Be("""{"steps":["b"]}""");
    }

    [Fact]
    public async Task Declared_inputs_are_required_and_shown_in_the_task_message()
    {
        var signature = new Signature("Research").Input("task", "Task").Input("topic", "What to research").Output("result", "Findings");
        var model = new ScriptedChatClient(new ChatScript().Complete(new { result = "ok" }));
        var agent = _fixture.Agent(model, signature: signature);

        await FluentActions.Awaiting(() => agent.RunAutonomousAsync("research")).Should().ThrowAsync<ArgumentException>()
            .WithMessage("Signature 'Research' needs input(s) 'topic' (What to research): pass them in AgentRunRequest.Inputs.*");
        await agent.RunAutonomousAsync(new AgentRunRequest("research") { Inputs = new Dictionary<string, string> { ["topic"] = "tides" } });

        model.Requests.Single().Messages[1].Text.Should().Be("Task: research\ntopic: tides");
    }

    [Fact]
    public async Task A_second_concurrent_run_on_one_agent_is_refused()
    {
        var model = new ScriptedChatClient(new ChatScript().Reply(ScriptedReply.Complete(new { result = "x" }).After(TimeSpan.FromMilliseconds(300))));
        var agent = _fixture.Agent(model);
        var first = agent.RunAutonomousAsync("one");
        await FluentActions.Awaiting(() => agent.RunAutonomousAsync("two")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*already running*");
        (await first).StopReason.Should().Be(AgentStopReason.Completed);
    }
}
