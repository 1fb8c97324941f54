using System.Globalization;
using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.PostgreSql;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;

// Usage (every mode prints one line per committed fact, flushed, so a parent can kill it at any point):
//   writers <connection> <schema> <process> <agents> <turns>   each agent stores <turns> turns in the shared session "team"
//                                                              and a checkpoint of its own thread every 100 turns; prints "done"
//   resume <connection> <schema> <checkpointId> <goFile>       resumes a thread for 2 more turns, each model call waiting for <goFile>;
//                                                              prints "turn-started <n>", then "done <turns>" (exit 0) or "conflict <head>" (exit 4)
//   kill-writer <connection> <schema> <session> <thread>       stores turns and a checkpoint every 5 until killed;
//                                                              prints "turn <sequence> <id>" and "checkpoint <turn> <id>" after each commit
//   approval-run <connection> <schema> <workspace> <session>   an agent (scripted model) asks to delete old.log in the workspace, the stored
//                                                              approval is pending: prints "interrupted <checkpointId>" (exit 3)
//   approval-resume <connection> <schema> <workspace> <session> <checkpointId>   resumes it: prints "done <result>"
//   approve <connection> <schema> <decider>                    approves every pending request: prints "approved <requestId>"
if (args.Length < 3) { Console.Error.WriteLine("usage: writers|resume|kill-writer <connection> <schema> …"); return 2; }
var stdout = Console.Out;
void Say(string line)
{
    lock (stdout)
    {
        stdout.WriteLine(line);
        stdout.Flush();
    }
}

await using var database = PostgresDatabase.Open(args[1], args[2]);
switch (args[0])
{
    case "writers":
        await Task.WhenAll(Enumerable.Range(0, int.Parse(args[4], CultureInfo.InvariantCulture))
            .Select(agent => WriteAsync($"p{args[3]}-a{agent}", int.Parse(args[5], CultureInfo.InvariantCulture))));
        Say("done");
        return 0;
    case "resume":
        return await ResumeAsync(args[3], args[4]);
    case "kill-writer":
        await WriteUntilKilledAsync(args[3], args[4]);
        return 0;
    case "approval-run":
        return await RunWithApprovalAsync(args[3], args[4], null);
    case "approval-resume":
        return await RunWithApprovalAsync(args[3], args[4], args[5]);
    case "approve":
        var approvals = new PostgresApprovalStore(database);
        foreach (var pending in await approvals.ListPendingAsync())
        {
            await approvals.DecideAsync(pending.Request.RequestId, approved: true, args[3], "approved from another process");
            Say($"approved {pending.Request.RequestId}");
        }
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}

async Task WriteAsync(string agent, int turns)
{
    var memory = new PostgresMemoryBackend(database, "team");
    using var checkpoints = new PostgresCheckpointStore(database);
    string? head = null;
    for (var i = 0; i < turns; i++)
    {
        await memory.StoreTurnAsync("assistant", $"{agent} turn {i}", DateTimeOffset.UtcNow, new Dictionary<string, object?> { ["agent"] = agent, ["turn"] = i });
        if ((i + 1) % 100 == 0)
            head = (await checkpoints.SaveAsync(new CheckpointWrite(agent, head, CheckpointKind.Auto, new AgentState { Task = agent, Turn = i + 1, MaxTurns = turns })
                { ExpectedHeadId = head })).Id;
    }
}

async Task<int> ResumeAsync(string checkpointId, string goFile)
{
    var model = new ScriptedChatClient(ChatScript.ByTurn((turn, _) =>
    {
        while (!File.Exists(goFile)) Thread.Sleep(20);
        return ScriptedReply.Working($"step {turn}");
    }));
    using var agent = new AutonomousAgent(
        new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.GetTempPath(), CheckpointInterval = 1, HandleProcessSignals = false },
        services: new AgentServices
        {
            ChatClient = model,
            CheckpointStore = new PostgresCheckpointStore(database),
            Observers = [new DelegateAgentObserver(e => { if (e is TurnStarted started) Say($"turn-started {started.Turn}"); })],
        });
    var start = await agent.Checkpoints.LoadAsync(checkpointId);
    try
    {
        var result = await agent.ResumeAsync(checkpointId, maxTurns: start.State.Turn + 2);
        Say($"done {result.Turns}");
        return 0;
    }
    catch (CheckpointConflictException conflict)
    {
        Say($"conflict {conflict.ActualHeadId}");
        return 4;
    }
}

async Task<int> RunWithApprovalAsync(string workspace, string session, string? checkpointId)
{
    var model = new ScriptedChatClient(ChatScript.ByTurn((turn, request) => turn == 1
        ? ScriptedReply.CallTool("delete_file", new { path = "old.log" }, "del-1")
        : ScriptedReply.Complete(new { result = $"tool said {request.PendingToolResults.SingleOrDefault()?.Result}" })));
    var tools = new ToolExecutor(new ToolRegistry().AddFileTools(new Workspace(workspace)),
        approvals: new StoredApprovalHandler(new PostgresApprovalStore(database)), audit: new PostgresToolAuditLog(database));
    using var agent = new AutonomousAgent(
        new AutonomousConfig { Provider = LlmProviders.Scripted, DataFolder = Path.Combine(workspace, ".kaizen"), CheckpointInterval = 1, HandleProcessSignals = false },
        services: new AgentServices
        {
            AgentId = "cleaner",
            ChatClient = model,
            CheckpointStore = new PostgresCheckpointStore(database),
            Memory = new PostgresMemoryBackend(database, session),
            Tools = tools,
        });
    try
    {
        var result = checkpointId is null ? await agent.RunAutonomousAsync("clean up the workspace", maxTurns: 5) : await agent.ResumeAsync(checkpointId);
        Say($"done {result.GetOutput<string>("result")}");
        return 0;
    }
    catch (AgentInterruptedException stopped)
    {
        Say($"interrupted {stopped.Reason.CheckpointId}");
        return 3;
    }
}

async Task WriteUntilKilledAsync(string session, string thread)
{
    var memory = new PostgresMemoryBackend(database, session);
    using var checkpoints = new PostgresCheckpointStore(database);
    string? head = null;
    for (var i = 0; ; i++)
    {
        var turn = await memory.StoreTurnAsync("assistant", $"turn {i} " + new string('x', i % 50), DateTimeOffset.UtcNow);
        Say($"turn {turn.Sequence} {turn.Id}");
        if ((i + 1) % 5 != 0) continue;
        var state = new AgentState { Task = "write until killed", Turn = i + 1, MaxTurns = int.MaxValue, Conversation = [new ConversationEntry("assistant", turn.Content, i + 1)] };
        head = (await checkpoints.SaveAsync(new CheckpointWrite(thread, head, CheckpointKind.Auto, state) { ExpectedHeadId = head })).Id;
        Say($"checkpoint {i + 1} {head}");
    }
}
