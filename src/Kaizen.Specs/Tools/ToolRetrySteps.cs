using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>Steps about calls that fail: which the executor tries again, how often, and what the audit log says.</summary>
[Binding]
public sealed class ToolRetrySteps(ToolWorld tools, AgentWorld world)
{
    private UnreliableTool? _tool;

    [Given("a {word} tool {string} that fails {int} time(s) with a {word} file")]
    public void FailsWith(string level, string name, int failures, string kind) => Add(level, new UnreliableTool(name, $"{kind} file", failures));

    [Given("a {word} tool {string} that hangs {int} time(s), with a time limit of {int} second(s) per try")]
    public void Hangs(string level, string name, int failures, int seconds)
    {
        tools.Options.CallTimeout = TimeSpan.FromSeconds(seconds);
        Add(level, new UnreliableTool(name, "hang", failures));
    }

    [When("the agent's only turn is required to call {string} on the task {string}")]
    public async Task OnlyTurnCalls(string tool, string task)
    {
        world.FirstTurnToolMode = ChatToolMode.RequireSpecific(tool);
        world.Script = ChatScript.ByTurn((_, _) => ScriptedReply.CallTool(tool, new Dictionary<string, object?> { ["name"] = "weekly" }));
        await world.RunAsync(task, 1);
    }

    [Then("{string} was tried {int} time(s)")]
    public void TriedTimes(string name, int attempts)
    {
        _tool.Should().NotBeNull().And.Match<UnreliableTool>(t => t.Name == name);
        _tool!.Attempts.Should().Be(attempts);
    }

    [Then("the call to {string} {word} and the audit log says {string}")]
    public void EndedAs(string tool, string status, string detail)
    {
        var call = world.Events.OfType<ToolCalled>().Should().ContainSingle(c => c.ToolName == tool).Subject;
        call.Status.Should().Be(status switch
        {
            "succeeded" => ToolExecutionStatus.Succeeded,
            "failed" => ToolExecutionStatus.Failed,
            _ => throw new ArgumentException($"Unknown status \"{status}\": use succeeded or failed."),
        });
        var outcomes = tools.Audit.Entries
            .Where(e => e.CallId == call.CallId && e.Decision is ToolAuditDecision.Succeeded or ToolAuditDecision.Failed).ToList();
        outcomes.Should().ContainSingle("the audit log records how the call ended once, whatever the number of tries")
            .Which.Detail.Should().Contain(detail);
    }

    [Then("the executor paused {int} time(s) for {int} ms between the tries")]
    public void Paused(int pauses, int milliseconds) =>
        tools.Clock.Timers.Count(t => t == TimeSpan.FromMilliseconds(milliseconds)).Should().Be(pauses,
            "the executor pauses before each retry and after no other try (timers started: {0})", string.Join(", ", tools.Clock.Timers));

    private void Add(string level, UnreliableTool tool)
    {
        _tool = tool;
        tools.Registry.Register(tool, Enum.Parse<DangerLevel>(level), "scenario");
        tools.Equip();
    }
}
