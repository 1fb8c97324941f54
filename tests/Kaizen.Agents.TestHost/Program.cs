using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;

// Usage:
//   run <dataFolder> <maxTurns> <interval> [delayMs]   start a new thread; prints "thread <id>", "checkpoint <turn> <id>", "done <turns> <sha>"
//   resume <dataFolder> <threadId>                     resume the newest checkpoint of the thread; prints "resumed <turn>" then "done …"
//   run-local <dataFolder> <maxTurns> <interval> [task] like run, on the local model (tools/model), a read-only file tool call
//                                                      required on every turn; also prints "turn-started <n>"
// Exit codes: 0 done, 3 interrupted (prints "interrupted <source> <mode> <checkpointId>"), 2 usage.
if (args.Length < 3) { Console.Error.WriteLine("usage: run <dataFolder> <maxTurns> <interval> [delayMs] | resume <dataFolder> <threadId>"); return 2; }

var mode = args[0];
var dataFolder = args[1];
var delay = TimeSpan.FromMilliseconds(mode == "run" && args.Length > 4 ? int.Parse(args[4]) : 0);
var interval = mode is "run" or "run-local" ? int.Parse(args[3]) : 1;
var stdout = Console.Out;

// Deterministic by turn, so a resumed run in another process produces the same conversation.
var local = mode == "run-local";
Microsoft.Extensions.AI.IChatClient model = local
    ? Kaizen.Agents.LocalModel.LocalModelProvider.CreateChatClient()
    : new ScriptedChatClient(ChatScript.ByTurn((turn, _) => ScriptedReply.Working($"step {turn}: processed record {turn * 7}").After(delay)));
var observer = new DelegateAgentObserver(e =>
{
    if (e is CheckpointSaved saved) { stdout.WriteLine($"checkpoint {saved.Turn} {saved.Checkpoint.Id}"); stdout.Flush(); }
    if (e is TurnStarted started) { stdout.WriteLine($"turn-started {started.Turn}"); stdout.Flush(); }
});
using var agent = new AutonomousAgent(
    new AutonomousConfig
    {
        Provider = local ? LlmProviders.Local : LlmProviders.Scripted,
        Model = local ? "tinyllama" : AutonomousConfig.DefaultModel,
        DataFolder = dataFolder,
        CheckpointInterval = interval,
        HandleProcessSignals = true,
        // A graceful stop lets the model finish its reply, which takes seconds on a CPU.
        GracefulShutdownTimeout = local ? TimeSpan.FromMinutes(10) : TimeSpan.FromSeconds(5),
        MaxAttempts = local ? 1 : 3,
    },
    services: new AgentServices { ChatClient = model, Observers = [observer], Tools = local ? ReadOnlyTools(dataFolder) : null });

try
{
    AgentRunResult result;
    if (mode is "run" or "run-local")
    {
        var threadId = "thread_" + Guid.NewGuid().ToString("N");
        stdout.WriteLine($"thread {threadId}");
        stdout.Flush();
        var task = local && args.Length > 4 ? args[4] : "process the records";
        // On the local model every turn is a tool call, so the run cannot end on its own before the signal arrives.
        result = await agent.RunAutonomousAsync(new AgentRunRequest(task)
        {
            MaxTurns = int.Parse(args[2]),
            ThreadId = threadId,
            ToolMode = local ? Microsoft.Extensions.AI.ChatToolMode.RequireAny : null,
        });
    }
    else
    {
        var latest = (await agent.Checkpoints.ListAsync(args[2])).Last();
        stdout.WriteLine($"resumed {latest.Turn}");
        result = await agent.ResumeAsync(latest.Id);
    }
    stdout.WriteLine($"done {result.Turns} {CheckpointCodec.Encode(result.State, CheckpointCompression.None).Sha256}");
    return 0;
}
catch (AgentInterruptedException ex)
{
    stdout.WriteLine($"interrupted {ex.Reason.Source} {ex.Reason.Mode} {ex.Reason.CheckpointId}");
    return 3;
}

static Kaizen.Agents.Tools.ToolExecutor ReadOnlyTools(string folder)
{
    var workspace = Path.Combine(folder, "workspace");
    Directory.CreateDirectory(workspace);
    File.WriteAllText(Path.Combine(workspace, "app.log"), "09:00 start\n09:05 warning: disk 91% full\n09:10 error: upload failed\n");
    return new Kaizen.Agents.Tools.ToolExecutor(Kaizen.Agents.Tools.BuiltIn.BuiltInTools.AddReadOnlyFileTools(
        new Kaizen.Agents.Tools.ToolRegistry(), new Kaizen.Agents.Tools.BuiltIn.Workspace(workspace)));
}
