using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Reqnroll;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Tools;

/// <summary>Steps about the model calling tools through the real executor: policy, approval, audit, chains.</summary>
[Binding]
public sealed class ToolCallSteps(ToolWorld tools, AgentWorld world)
{
    private readonly List<FunctionResultContent> _resultsSeenByModel = [];

    [Given("a workspace folder containing the file {string} with {string}")]
    public void WorkspaceWithFile(string file, string content) => File.WriteAllText(tools.PathOf(file), content);

    [Given("a workspace folder containing these files:")]
    public void WorkspaceWithFiles(DataTable files)
    {
        foreach (var row in files.Rows) File.WriteAllText(tools.PathOf(row["file"]), row["content"]);
    }

    [Given("the workspace folder holds no file at all")]
    public void WorkspaceEmptied()
    {
        foreach (var file in Directory.EnumerateFiles(tools.Root, "*", SearchOption.AllDirectories)) File.Delete(file);
        Directory.EnumerateFileSystemEntries(tools.Root).Should().BeEmpty();
    }

    [Given("the approval policy lets the person approve the Critical tool {string}")]
    public void CriticalToolAllowed(string tool) => tools.Policy.AllowCritical(tool);

    [Given("an agent with the built-in file tools on that workspace")]
    public void AgentWithFileTools()
    {
        tools.AddFileTools();
        tools.Equip();
    }

    [Given("an agent with the built-in file and command tools on that workspace")]
    public void AgentWithFileAndCommandTools()
    {
        tools.AddFileTools();
        tools.AddCommandTool();
        tools.Equip();
    }

    [Given("the person reviewing tool calls will answer {string}")]
    public void PersonAnswers(string answer) => tools.Approves = PersonAnswer.Approves(answer);

    [Given("every write is approved")]
    public void EveryWriteApproved() => tools.Approves = true;

    [When("the model asks to call {string} with:")]
    [When("the model asks to call the MCP tool {string} with:")]
    public Task ModelCalls(string tool, DataTable arguments) =>
        ModelCallsAsync(tool, arguments.Rows.ToDictionary(r => r["argument"], r => (object?)r["value"].Replace("<workspace>", tools.Root, StringComparison.Ordinal)));

    [When("the model asks to call {string} with the arguments {string}")]
    public Task ModelCallsWithJson(string tool, string json)
    {
        tools.TakeSnapshot();
        return ModelCallsAsync(tool, ToolArguments.FromJson(json));
    }

    private async Task ModelCallsAsync(string tool, Dictionary<string, object?> args)
    {
        world.Script = ChatScript.ByTurn((turn, request) =>
        {
            Observe(request);
            return turn == 1
                ? ScriptedReply.CallTool(tool, args)
                : ScriptedReply.Complete(new { result = $"The {tool} call came back." });
        });
        await world.RunAsync($"Use {tool} as asked.", 4);
    }

    [When("the model chains these calls:")]
    public async Task ModelChains(DataTable calls)
    {
        var steps = calls.Rows.Select(r => (Tool: r["tool"], Argument: r["argument"])).ToList();
        world.Script = ChatScript.ByTurn((turn, request) =>
        {
            Observe(request);
            if (turn > steps.Count) return ScriptedReply.Complete(new { result = "The weekly summary is written." });
            var (tool, argument) = steps[turn - 1];
            return tool switch
            {
                "write_file" => ScriptedReply.CallTool(tool, new Dictionary<string, object?>
                {
                    ["path"] = argument.Split(" (")[0].Trim(),
                    // What the model writes is what earlier calls gave it back: proves results flow between calls.
                    ["content"] = string.Join("\n", ReadResults()),
                }),
                _ => ScriptedReply.CallTool(tool, new Dictionary<string, object?> { ["path"] = argument }),
            };
        });
        await world.RunAsync("Summarise the week's notes into week.md.", steps.Count + 2);
    }

    [Then("the model received {string} as the tool result")]
    public void ModelReceived(string text)
    {
        lock (_resultsSeenByModel)
            _resultsSeenByModel.Select(r => ResultText(r)).Should().Contain(t => t.Contains(text, StringComparison.Ordinal),
                "the tool's result is fed back to the model in its next request");
    }

    [Then("the audit log records {string} as {string}")]
    public void AuditRecords(string tool, string decision)
    {
        var expected = decision switch
        {
            "allowed by policy" => ToolAuditDecision.AllowedByPolicy,
            "approved by person" => ToolAuditDecision.Approved,
            "denied by person" => ToolAuditDecision.Denied,
            "rejected by policy" => ToolAuditDecision.RejectedByPolicy,
            "waiting for approval" => ToolAuditDecision.PendingApproval,
            "refused for invalid arguments" => ToolAuditDecision.InvalidArguments,
            "failed" => ToolAuditDecision.Failed,
            _ => throw new ArgumentException($"Unknown audit decision \"{decision}\"."),
        };
        tools.Audit.Entries.Where(e => e.ToolName == tool).Select(e => e.Decision).Should().Contain(expected,
            "audit: {0}", string.Join("; ", tools.Audit.Entries.Select(e => $"{e.ToolName}:{e.Decision} by {e.Decider}")));
    }

    [Then("the call to {string} failed with an error mentioning {string}")]
    public void FailedMentioning(string tool, string text)
    {
        CallStatus(tool).Should().Be(ToolExecutionStatus.Failed);
        ModelReceived(text);
    }

    [Then("the run continued to its end")]
    public void RunContinued() => world.RequireResult().StopReason.Should().Be(AgentStopReason.Completed);

    // A real model may call the tool again after a refusal: every call must have gone the same way.
    [Then("approval was asked for {string}")]
    public void ApprovalAsked(string tool)
    {
        var calls = CallsOf(tool).Select(c => c.CallId).ToList();
        calls.Should().NotBeEmpty("the model was to call {0}", tool);
        tools.Asked.Where(a => a.ToolName == tool).Select(a => a.CallId).Should().Equal(calls, "the person is asked once for each call of {0}, in the order of the calls", tool);
    }

    [Then("the call to {string} was {word}")]
    public void CallWas(string tool, string outcome)
    {
        var expected = outcome switch
        {
            "executed" => ToolExecutionStatus.Succeeded,
            "rejected" => ToolExecutionStatus.Rejected,
            _ => throw new ArgumentException($"Unknown outcome \"{outcome}\": use executed or rejected."),
        };
        var calls = CallsOf(tool);
        calls.Should().NotBeEmpty("the model was to call {0}", tool)
            .And.OnlyContain(c => c.Status == expected, "every call of {0} was {1}; calls: {2}", tool, outcome,
                string.Join(", ", calls.Select(c => $"{c.CallId} {c.Status}")));
    }

    private List<ToolCalled> CallsOf(string tool) => world.Events.OfType<ToolCalled>().Where(c => c.ToolName == tool).ToList();

    [Then("the workspace contains the file {string}")]
    public void WorkspaceContains(string file) => File.Exists(tools.PathOf(file)).Should().BeTrue("{0} should exist", file);

    [Then("the workspace still has no file {string} {int} seconds later")]
    public async Task FileNeverAppears(string file, int seconds)
    {
        File.Exists(tools.PathOf(file)).Should().BeFalse("{0} should not exist yet", file);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        File.Exists(tools.PathOf(file)).Should().BeFalse("nothing left running may write {0} later", file);
    }

    [Then("nobody was asked for approval")]
    public void NobodyAsked() => tools.Asked.Should().BeEmpty();

    [Then("the calls ran in that order")]
    public void CallsInOrder()
    {
        var called = world.Events.OfType<ToolCalled>().ToList();
        called.Should().OnlyContain(c => c.Status == ToolExecutionStatus.Succeeded,
            "calls: {0}", string.Join(", ", called.Select(c => $"{c.ToolName}:{c.Status}")));
        called.Select(c => c.ToolName).Should().Equal("list_directory", "read_file", "read_file", "write_file");
    }

    [Then("the workspace file {string} holds exactly {string}")]
    public void FileHoldsExactly(string file, string text) => File.ReadAllText(tools.PathOf(file)).Should().Be(text);

    [Then("the workspace file {string} contains {string} and {string}")]
    public void FileContains(string file, string first, string second) =>
        File.ReadAllText(tools.PathOf(file)).Should().Contain(first).And.Contain(second);

    private ToolExecutionStatus CallStatus(string tool) =>
        CallsOf(tool).Select(c => c.Status).Should().ContainSingle(
            "the model asked for {0} once; calls seen: {1}", tool, string.Join(", ", world.Events.OfType<ToolCalled>().Select(c => c.ToolName))).Subject;

    private void Observe(ScriptedRequest request)
    {
        lock (_resultsSeenByModel) _resultsSeenByModel.AddRange(request.PendingToolResults);
    }

    private IEnumerable<string> ReadResults()
    {
        lock (_resultsSeenByModel)
        {
            var readCalls = world.Events.OfType<ToolCalled>().Where(c => c.ToolName == "read_file").Select(c => c.CallId).ToHashSet();
            return _resultsSeenByModel.Where(r => readCalls.Contains(r.CallId)).Select(ResultText).ToList();
        }
    }

    private static string ResultText(FunctionResultContent result) => result.Result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
        var other => other.ToString() ?? "",
    };
}
