using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Planning.Strategies;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Support;
using Kaizen.Specs.Tools;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Planning;

/// <summary>
/// The ReAct strategy on the scenario's model and the agent's tool executor. The Then steps replay what the model really
/// replied (the transcript) against the trace, the audit log and the results the model was given, so every line of the
/// trace and the outcome are checked against what happened, never against the model's wording.
/// </summary>
[Binding]
public sealed class ReActSteps(AgentWorld world, ToolWorld tools, ModelTranscript transcript, IReqnrollOutputHelper output)
{
    private ReActStrategy? _strategy;
    private StrategyResult? _result;
    private int _maxIterations;

    [Given("the ReAct strategy on the model, required to call one of the read-only file tools first, on a folder holding {string} with {string}, at most {int} iterations")]
    public void ReActWithFileTools(string file, string text, int iterations)
    {
        File.WriteAllText(tools.PathOf(file), text);
        tools.Registry.AddReadOnlyFileTools(new Workspace(tools.Root));
        tools.Equip();
        _maxIterations = iterations;
        _strategy = new ReActStrategy(world.ChatClient(ReaderScript(file)), world.Tools, new ReActOptions { MaxIterations = iterations, FirstIterationToolMode = ChatToolMode.RequireAny });
    }

    [When("the ReAct strategy solves {string}")]
    public async Task Solves(string task)
    {
        _result = await (_strategy ?? throw new InvalidOperationException("No ReAct strategy was set up.")).SolveAsync(task);
        output.WriteLine($"ReAct {_result.Outcome.ToString().ToLowerInvariant()} after {_result.ModelCalls} model call(s){(_result.Reason is null ? "" : $" ({_result.Reason})")}:");
        foreach (var line in _result.Trace) output.WriteLine("  " + (line.Length > 160 ? line[..160] + "…" : line));
    }

    [Then("the trace holds each reply of the model in order: its thought, its answer, or each call it made with what came back")]
    public void TraceFollowsTheModel()
    {
        var expected = new List<string>();
        var exchanges = transcript.Exchanges;
        for (var i = 0; i < exchanges.Count; i++)
        {
            var calls = exchanges[i].Response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                var reply = AgentReplyProtocol.Parse(exchanges[i].Response.Text);
                expected.Add(reply.Done ? $"Answer: {_result!.Answer}" : $"Thought: {reply.Thought}");
                continue;
            }
            var given = i + 1 < exchanges.Count ? exchanges[i + 1].ToolResults : [];
            foreach (var call in calls)
            {
                expected.Add($"Action: {call.Name}");
                var audited = tools.Audit.Entries.Where(e => e.CallId == call.CallId && e.Decision is ToolAuditDecision.Succeeded or ToolAuditDecision.Failed or ToolAuditDecision.InvalidArguments or ToolAuditDecision.RejectedByPolicy).ToList();
                audited.Should().ContainSingle("every call the model made goes through the tool executor ({0})", call.Name);
                var status = audited[0].Decision == ToolAuditDecision.Succeeded ? ToolExecutionStatus.Succeeded
                    : audited[0].Decision == ToolAuditDecision.RejectedByPolicy ? ToolExecutionStatus.Rejected : ToolExecutionStatus.Failed;
                var result = given.SingleOrDefault(r => r.CallId == call.CallId)?.Result?.ToString();
                if (i + 1 < exchanges.Count) result.Should().NotBeNull("the result of {0} goes back to the model", call.Name);
                expected.Add($"Observation ({status}): {result}");
            }
        }
        var trace = _result!.Trace.ToList();
        trace.Should().HaveSameCount(expected, "trace: {0}", string.Join(" | ", trace));
        for (var i = 0; i < trace.Count; i++)
        {
            // The last reply's results were never sent back (no later request): only their status is known.
            if (expected[i].EndsWith(": ", StringComparison.Ordinal)) trace[i].Should().StartWith(expected[i], "trace line {0}", i + 1);
            else trace[i].Should().Be(expected[i], "trace line {0}", i + 1);
        }
    }

    [Then("the outcome is what the trace shows, within the iteration budget")]
    public void OutcomeMatchesTrace()
    {
        var result = _result!;
        result.ModelCalls.Should().Be(transcript.Exchanges.Count, "the strategy counts the requests it really made")
            .And.BeInRange(1, _maxIterations);
        var thoughts = result.Trace.Where(t => t.StartsWith("Thought: ", StringComparison.Ordinal)).ToList();
        switch (result.Outcome)
        {
            case StrategyOutcome.Succeeded:
                result.Answer.Should().NotBeNull();
                result.Trace[^1].Should().Be($"Answer: {result.Answer}");
                break;
            case StrategyOutcome.Stalled when result.Reason == "the model repeated the same thought without acting":
                result.Trace.TakeLast(2).Should().Equal(thoughts.TakeLast(2)).And.HaveCount(2);
                thoughts[^1].Should().Be(thoughts[^2], "a stall for repetition needs the same thought twice in a row");
                break;
            case StrategyOutcome.Stalled:
                result.Reason.Should().Be($"no answer within {_maxIterations} iterations");
                result.ModelCalls.Should().Be(_maxIterations);
                break;
            default:
                throw new InvalidOperationException($"Unexpected outcome {result.Outcome}: {result.Reason}");
        }
    }

    // Only the scripted provider (KAIZEN_LLM_PROVIDER=scripted) reads this: read the file, think once, answer.
    private static ChatScript ReaderScript(string file) => new ChatScript()
        .CallTool("read_file", new { path = file })
        .Working("The note says the meeting moved.")
        .Complete(new { answer = "Thursday" });
}
