using System.Globalization;
using Kaizen.Agents.PostgreSql;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Specs.Support;
using Kaizen.Testing.Processes;
using Reqnroll;

namespace Kaizen.Specs.Stores;

/// <summary>
/// Agent processes (tests/Kaizen.Agents.PostgreSql.TestHost) on one PostgreSQL schema: concurrent memory writers, and a
/// tool approval that one process waits for and another gives. The Then steps read the database itself.
/// </summary>
[Binding]
public sealed class SharedStoreSteps(SharedPostgres postgres, ScenarioWorkspace workspace)
{
    private const string Host = "Kaizen.Agents.PostgreSql.TestHost";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly List<string> _lines = [];
    private string _workspace = "";
    private string? _stoppedAt;

    private AgentProcess Start(params string[] args) => AgentProcess.StartHost(Host, Patience, [args[0], postgres.ConnectionString, postgres.Schema, .. args[1..]]);

    [Given("a PostgreSQL database shared by agent processes")]
    public void Database() => postgres.Require();

    [When("{int} agent processes each run {int} agents storing {int} turns in the session {string}")]
    public async Task Writers(int processes, int agents, int turns, string session)
    {
        session.Should().Be("team", "the writer processes share the session 'team'");
        var writers = Enumerable.Range(0, processes).Select(p => Start("writers", p.ToString(CultureInfo.InvariantCulture), $"{agents}", $"{turns}")).ToList();
        try
        {
            foreach (var writer in writers) _lines.Add(await writer.ReadUntilAsync("done"));
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }

    [Then("the session {string} holds {int} turns numbered without gaps and with no repeated id")]
    public async Task SessionHolds(string session, int count)
    {
        await using var database = postgres.Open();
        var turns = await new PostgresMemoryBackend(database, session).LoadWarmTierAsync(int.MaxValue);
        turns.Select(t => t.Sequence).Should().Equal(Enumerable.Range(0, count).Select(i => (long)i), "one gap-free sequence across processes");
        turns.Select(t => t.Id).Should().OnlyHaveUniqueItems();
        turns.Select(t => t.Content).Should().OnlyHaveUniqueItems("no turn was stored twice");
    }

    [Then("each of the {int} agents has its own checkpoint thread ending at turn {int}")]
    public async Task Threads(int agents, int turn)
    {
        await using var database = postgres.Open();
        var store = new PostgresCheckpointStore(database);
        var threads = await store.ListThreadsAsync();
        threads.Should().HaveCount(agents);
        foreach (var thread in threads) (await store.ListAsync(thread)).Last().Turn.Should().Be(turn, "thread {0}", thread);
    }

    [Given("a workspace file {string}")]
    public void WorkspaceFile(string name)
    {
        _workspace = workspace.FolderOf("tools");
        File.WriteAllText(Path.Combine(_workspace, name), "stale log lines");
    }

    [When("an agent process asks to delete {string} and stops to wait for approval")]
    public async Task AskToDelete(string name)
    {
        name.Should().Be("old.log", "the scripted model of the agent process deletes old.log");
        using var agent = Start("approval-run", _workspace, "cleaner");
        var line = await agent.ReadUntilAsync("interrupted");
        (await agent.WaitForExitAsync()).Should().Be(3, "the run stops while the approval is pending");
        _stoppedAt = line.Split(' ')[1];
    }

    [Then("{string} still exists and one approval request for {string} is pending")]
    public async Task Pending(string name, string tool)
    {
        File.Exists(Path.Combine(_workspace, name)).Should().BeTrue("nothing runs before approval");
        await using var database = postgres.Open();
        var pending = await new PostgresApprovalStore(database).ListPendingAsync();
        pending.Should().ContainSingle().Which.Request.ToolName.Should().Be(tool);
    }

    [When("an operator process approves the pending request as {string}")]
    public async Task Approve(string decider)
    {
        using var operatorProcess = Start("approve", decider);
        _lines.Add(await operatorProcess.ReadUntilAsync("approved"));
        (await operatorProcess.WaitForExitAsync()).Should().Be(0);
    }

    [When("another agent process resumes the stopped run")]
    public async Task Resume()
    {
        using var agent = Start("approval-resume", _workspace, "cleaner", _stoppedAt!);
        _lines.Add(await agent.ReadUntilAsync("done"));
        (await agent.WaitForExitAsync()).Should().Be(0);
    }

    [Then("{string} has been deleted")]
    public void Deleted(string name) =>
        File.Exists(Path.Combine(_workspace, name)).Should().BeFalse("the approved call ran in the resumed process; it printed: {0}", string.Join(" | ", _lines));

    [Then("the audit log shows {string} pending, approved by {string} and succeeded")]
    public async Task Audit(string tool, string approver)
    {
        await using var database = postgres.Open();
        var entries = (await new PostgresToolAuditLog(database).ReadAsync()).Where(e => e.ToolName == tool).ToList();
        entries.Select(e => (e.Decision, e.Decider)).Should().ContainInOrder(
            (ToolAuditDecision.PendingApproval, "store"), (ToolAuditDecision.Approved, approver), (ToolAuditDecision.Succeeded, "tool"));
        entries.Select(e => e.AgentId).Should().OnlyContain(agent => agent == "cleaner");
    }

    [Then("the session {string} remembers the tool call and its result")]
    public async Task Remembers(string session)
    {
        await using var database = postgres.Open();
        var turns = await new PostgresMemoryBackend(database, session).LoadWarmTierAsync(100);
        turns.Should().Contain(t => t.Role == "assistant" && t.Content.Contains("delete_file", StringComparison.Ordinal), "the first process stored the call");
        turns.Should().Contain(t => t.Role == "tool" && t.Content.Contains("old.log", StringComparison.Ordinal), "the resumed process stored the result");
    }
}
