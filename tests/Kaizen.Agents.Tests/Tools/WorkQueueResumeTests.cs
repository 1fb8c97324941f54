using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.BuiltIn;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>
/// A work queue driven by the agent loop: the model must call <c>next_item</c> every turn, the user interrupts, a new
/// agent resumes from the checkpoint with a new queue, and every item still reaches the model exactly once.
/// </summary>
[Trait("Category", "tools-lib")]
public sealed class WorkQueueResumeTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Files = ["a.cs", "b.cs", "c.cs", "d.cs", "e.cs"];
    private readonly AgentFixture _fixture = new();
    private readonly List<string> _loaded = [];
    private readonly List<ChatToolMode?> _toolModes = [];

    public void Dispose() => _fixture.Dispose();

    // An obedient model: it calls the only tool it is offered, and answers when it is offered none (the last turn).
    private ScriptedChatClient Model() => new(new ChatScript().Otherwise(request =>
    {
        lock (_toolModes) _toolModes.Add(request.Options?.ToolMode);
        return request.OfferedTools.Contains(WorkQueue.DefaultToolName)
            ? ScriptedReply.CallTool(WorkQueue.DefaultToolName, new { notes = $"notes of turn {request.Turn}" })
            : ScriptedReply.Complete(new { result = "reviewed" });
    }));

    private WorkQueue Queue() => new(Files, (key, _) =>
    {
        lock (_loaded) _loaded.Add(key);
        return Task.FromResult($"text of {key}");
    });

    private AutonomousConfig Config() => _fixture.Config(interval: 2, maxTurns: Files.Length + 2) with { AnswerOnLastTurn = true };

    private static AgentServices Services(WorkQueue queue, params IAgentObserver[] observers) =>
        new() { Tools = new ToolExecutor(new ToolRegistry().AddWorkQueue(queue)), Observers = observers };

    [Fact]
    public async Task A_resumed_run_continues_the_queue_where_the_checkpoint_left_it_and_completes()
    {
        var firstQueue = Queue();
        AutonomousAgent? first = null;
        var handedOut = 0;
        var stopAfterTwoItems = new DelegateAgentObserver(e =>
        {
            if (e is ToolCalled { Status: ToolExecutionStatus.Succeeded } && ++handedOut == 2)
                first!.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, "stop");
        });
        first = _fixture.Agent(Model(), Config(), Services(firstQueue, stopAfterTwoItems));
        var request = new AgentRunRequest("Review the files.") { Extensions = firstQueue.State, ToolMode = ChatToolMode.RequireSpecific(WorkQueue.DefaultToolName) };
        var stop = (await FluentActions.Awaiting(() => first.RunAutonomousAsync(request, Ct)).Should().ThrowAsync<AgentInterruptedException>()).Which;

        var secondQueue = Queue();
        var second = _fixture.Agent(Model(), Config(), Services(secondQueue));
        var result = await second.ResumeAsync(new AgentResumeRequest(stop.Reason.CheckpointId!)
        {
            Extensions = secondQueue.State,
            ToolMode = ChatToolMode.RequireSpecific(WorkQueue.DefaultToolName),
        }, Ct);

        _loaded.Should().Equal(Files);
        secondQueue.HandedOut.Should().Equal(Files);
        secondQueue.Notes.Keys.Should().BeEquivalentTo(Files, "the call after each item carried notes on it, the last one answered 'no item is left'");
        result.StopReason.Should().Be(AgentStopReason.Completed, "the last turn offers no tools and asks for the answer");
        result.Turns.Should().Be(Files.Length + 2);
        result.Extensions[WorkQueue.DefaultStateKey].Should().Be(secondQueue.State[WorkQueue.DefaultStateKey], "the final checkpoint holds the queue's progress");
        _toolModes.Take(Files.Length + 1).Should().AllSatisfy(m => m.Should().BeOfType<RequiredChatToolMode>().Which.RequiredFunctionName.Should().Be(WorkQueue.DefaultToolName),
            "the resumed turns require the tool as the interrupted run did");
    }
}
