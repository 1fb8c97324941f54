using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>
/// Tool scenarios on a real model: the run's first turn requires a given tool (<see cref="AgentRunRequest.FirstTurnToolMode"/>),
/// the model chooses the arguments, and the Then steps check what the library did with that call: the policy, the
/// person's answer, the audit log, and what it told the model next.
/// </summary>
[Binding]
public sealed class RequiredToolSteps(ToolWorld tools, AgentWorld world, ModelTranscript transcript)
{
    // Arguments for the quick run on the scripted model only (KAIZEN_LLM_PROVIDER=scripted); a real model writes its own.
    private static readonly Dictionary<string, object?> ScriptedArguments = new()
    {
        ["read_file"] = new { path = "notes.txt" },
        ["run_command"] = new { command = "rm notes.txt" },
        ["delete_file"] = new { path = "notes.txt" },
        ["write_file"] = new { path = "summary.md", content = "# Weekly summary" },
        ["fs_read_text_file"] = new { path = "notes.txt" },
        ["fs_write_file"] = new { path = "summary.md", content = "# Weekly summary" },
        ["fs_move_file"] = new { source = "notes.txt", destination = "old-notes.txt" },
    };

    [When("the agent is told to start with {string} on the task {string}")]
    public async Task StartWith(string tool, string task)
    {
        await RunRequiringAsync(tool, task);
        world.Result.Should().NotBeNull("the run must end normally (a refusal is an answer, not a crash); it ended with {0}", world.Interruption?.Reason);
    }

    [When("the agent is told to start with {string} on the task {string} while nobody is there to answer")]
    public async Task StartWithNobodyThere(string tool, string task)
    {
        await RunRequiringAsync(tool, task);
        world.Interruption.Should().NotBeNull("a call waiting for approval stops the run; it ended with {0}", world.Result?.StopReason);
    }

    private async Task RunRequiringAsync(string tool, string task)
    {
        world.FirstTurnToolMode = ChatToolMode.RequireSpecific(tool);
        tools.TakeSnapshot();
        world.Script = ChatScript.ByTurn((turn, _) => turn == 1
            ? ScriptedReply.CallTool(tool, ScriptedArguments.GetValueOrDefault(tool))
            : ScriptedReply.Complete(new { result = $"The {tool} call came back." }));
        await world.RunAsync(task, 3);
        world.Events.OfType<ToolCalled>().Should().Contain(c => c.ToolName == tool && c.Turn == 1,
            "the first turn was required to call {0}; calls: {1}", tool, string.Join(", ", world.Events.OfType<ToolCalled>().Select(c => $"{c.ToolName}@{c.Turn}")));
    }

    [Then("the call to {string} was allowed without asking for approval")]
    public void AllowedWithoutApproval(string tool)
    {
        tools.Asked.Should().NotContain(a => a.ToolName == tool);
        tools.Audit.Entries.Should().Contain(e => e.ToolName == tool && e.Decision == ToolAuditDecision.AllowedByPolicy);
        FirstCall(tool).Status.Should().NotBe(ToolExecutionStatus.Rejected).And.NotBe(ToolExecutionStatus.PendingApproval);
    }

    [Then("the model was told the call was refused")]
    public void ModelToldRefused()
    {
        var call = world.Events.OfType<ToolCalled>().First(c => c.Status == ToolExecutionStatus.Rejected);
        var told = ResultsSentFor(call.CallId);
        // Every later request re-sends the conversation, so the result appears once per request after the call.
        told.Should().NotBeEmpty("the refusal goes back to the model as the call's result")
            .And.OnlyContain(t => t.StartsWith($"Call to '{call.ToolName}' rejected", StringComparison.Ordinal));
    }

    [Then("the call to {string} was run after the person's answer")]
    public void WasRun(string tool)
    {
        Invoked(tool).Should().BeTrue("an approved call runs; audit: {0}", AuditText());
        FirstCall(tool).Status.Should().BeOneOf(ToolExecutionStatus.Succeeded, ToolExecutionStatus.Failed);
    }

    [Then("the call to {string} was not run after the person's answer")]
    public void WasNotRun(string tool)
    {
        Invoked(tool).Should().BeFalse("a denied call never reaches the tool; audit: {0}", AuditText());
        FirstCall(tool).Status.Should().Be(ToolExecutionStatus.Rejected);
    }

    [Then("the model was given exactly what the file it named holds")]
    public void GivenExactFileText()
    {
        var call = FirstCall("read_file");
        var path = ArgumentOf(call.CallId, "path");
        var told = ResultsSentFor(call.CallId);
        told.Should().NotBeEmpty("the result of call {0} goes back to the model", call.CallId);
        var file = tools.PathOf(path);
        if (File.Exists(file))
        {
            call.Status.Should().Be(ToolExecutionStatus.Succeeded);
            told.Should().OnlyContain(t => t == File.ReadAllText(file), "the model is given the file's text, unchanged ({0})", path);
        }
        else
        {
            call.Status.Should().Be(ToolExecutionStatus.Failed, "the model asked for '{0}', which is not in the workspace", path);
            told.Should().OnlyContain(t => t.Contains(path, StringComparison.Ordinal), "the error names the file the model asked for");
        }
    }

    [Then("the workspace changed only where the approved call wrote")]
    public void WorkspaceChangedOnlyByApprovedWrite()
    {
        var call = FirstCall("write_file");
        var path = ArgumentOf(call.CallId, "path");
        var answer = ResultsSentFor(call.CallId).FirstOrDefault();
        answer.Should().NotBeNull("the outcome of call {0} goes back to the model", call.CallId);
        if (call.Status == ToolExecutionStatus.Succeeded)
        {
            var content = ArgumentOf(call.CallId, "content");
            File.ReadAllText(tools.PathOf(path)).Should().EndWith(content, "write_file wrote the model's text to {0}", path);
            tools.ChangedSinceSnapshot().Should().Equal([Path.GetFullPath(tools.PathOf(path))], "only the named file changed");
            return;
        }
        // A path the workspace refuses (a small model may name '/') is the tool's own refusal, sent back to the model.
        call.Status.Should().Be(ToolExecutionStatus.Failed, "an approved call either writes or is refused by the tool; the tool answered: {0}", answer);
        answer.Should().Contain("write_file").And.Contain(path, "the refusal names the path the model gave");
        tools.ChangedSinceSnapshot().Should().BeEmpty("a refused write changes nothing");
    }

    [Then("the failure recorded for {string} says the tool {string} on the MCP server {string} reported an error")]
    public void RecordedMcpError(string tool, string serverTool, string server)
    {
        const string reported = "reported an error: ";
        var detail = FirstFailure(tool).Detail;
        detail.Should().Contain($"'{serverTool}'").And.Contain($"'{server}'").And.Contain(reported);
        detail![(detail.IndexOf(reported, StringComparison.Ordinal) + reported.Length)..]
            .Should().NotBeNullOrWhiteSpace("the server's own account of the error follows");
    }

    [Then("the model was given the failure recorded for {string} as the result of that call")]
    public void GivenRecordedFailure(string tool)
    {
        var failure = FirstFailure(tool);
        ResultsSentFor(failure.CallId).Should().NotBeEmpty("the outcome of call {0} goes back to the model on its next request", failure.CallId)
            .And.OnlyContain(t => t == failure.Detail, "the model is told exactly the error the audit log recorded");
    }

    [Then("the workspace is as it was before the run")]
    public void WorkspaceUnchanged() => tools.ChangedSinceSnapshot().Should().BeEmpty("a denied write never reaches the workspace");

    // The result of a call as each later request re-sent it to the model.
    private List<string> ResultsSentFor(string callId) =>
        transcript.Exchanges.SelectMany(e => e.ToolResults).Where(r => r.CallId == callId).Select(Text).ToList();

    // The arguments the model sent with a call, as the transcript recorded its reply.
    private string ArgumentOf(string callId, string name)
    {
        var call = transcript.Exchanges.SelectMany(e => e.Response.Messages).SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .First(c => c.CallId == callId);
        return call.Arguments?.TryGetValue(name, out var value) == true ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
            null => "",
            var other => other.ToString() ?? "",
        } : throw new Xunit.Sdk.XunitException($"The model's call {callId} has no '{name}' argument.");
    }

    // The tool's own audit entry (decider "tool") exists only when the executor really invoked it.
    private bool Invoked(string tool) => tools.Audit.Entries.Any(e => e.ToolName == tool && e.Decider == "tool");

    // The audit log's "failed" entry for the first call of the tool: the call the run was required to make.
    private ToolAuditEntry FirstFailure(string tool)
    {
        var call = FirstCall(tool);
        call.Status.Should().Be(ToolExecutionStatus.Failed, "the first call to {0} failed; audit: {1}", tool, AuditText());
        return tools.Audit.Entries.Should().ContainSingle(e => e.CallId == call.CallId && e.Decision == ToolAuditDecision.Failed,
            "the executor records how the call ended; audit: {0}", AuditText()).Subject;
    }

    private string AuditText() => string.Join("; ", tools.Audit.Entries.Select(e => $"{e.ToolName}:{e.Decision} by {e.Decider}"));

    // How the first call of the tool ended: a call that waited for approval ends when the resumed run answers it.
    private ToolCalled FirstCall(string tool)
    {
        var first = world.Events.OfType<ToolCalled>().First(c => c.ToolName == tool);
        return world.Events.OfType<ToolCalled>().Last(c => c.CallId == first.CallId);
    }

    private static string Text(FunctionResultContent result) => result.Result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
        var other => other.ToString() ?? "",
    };
}
