using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Memory;
using Kaizen.Specs.Support;
using Kaizen.Specs.Workloads.CodeReview;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// A code review driven by the library's <see cref="WorkQueue"/> on the scenario's model: the run must call
/// <c>next_item</c> every turn and answer on its last, LiteDB memory and checkpoints in the scenario's data folder, an
/// interrupt after N files, and a resume by a new agent with a new queue and a reopened memory file, as after a restart.
/// </summary>
public sealed class QueuedReviewWorld : IAsyncDisposable
{
    /// <summary>The output the model's final answer must give: how many defects it found.</summary>
    public const string FindingsOutput = "findings";

    private const string Session = "queued-review";
    private readonly AgentWorld world;
    private readonly ScenarioWorkspace workspace;
    private LiteDbMemoryBackend? _memory;
    private GeneratedCodebase? _codebase;
    private string? _root;
    private string? _interruptCheckpointId;

    /// <summary>Creates the world; closed with the scenario.</summary>
    public QueuedReviewWorld(AgentWorld world, ScenarioWorkspace workspace)
    {
        this.world = world;
        this.workspace = workspace;
        workspace.Track(this);
    }

    /// <summary>The repository under review.</summary>
    public GeneratedCodebase Codebase => _codebase ?? throw new InvalidOperationException("No review was prepared.");

    /// <summary>The queue of the agent built last (a new one after the resume, as in a new process).</summary>
    public WorkQueue? Queue { get; private set; }

    /// <summary>The checkpoint the interrupt named.</summary>
    public string InterruptCheckpointId => _interruptCheckpointId ?? throw new InvalidOperationException("The review was not interrupted yet.");

    /// <summary>Prepares a review of <paramref name="codebase"/> (written under <paramref name="root"/>), one file per turn.</summary>
    public void Prepare(GeneratedCodebase codebase, string root, int checkpointInterval)
    {
        _codebase = codebase;
        _root = root;
        var files = codebase.Files.Count;
        world.Signature = new Signature("CodeReview", "You review C# files for defects.")
            .Input("task", "What to review")
            .Output(FindingsOutput, "How many defects you found in all the files", SignatureFieldType.Integer);
        world.Config = world.Config with
        {
            EnableCheckpoints = true,
            CheckpointInterval = checkpointInterval,
            // One turn per file, one more whose call hears that no file is left (carrying the notes on the last file), then the answer.
            MaxTurns = files + 2,
            AnswerOnLastTurn = true,
            // The prompt holds the task, the model's last call and the file it got: nothing older, so it fits a small context.
            MemoryHotTurns = 2,
            MemoryWarmWindow = 0,
            MemoryColdResults = 0,
            Prices = world.Config.Prices.With(world.Config.Provider, world.Config.Model, LongRunningWorld.ScenarioPrice),
        };
        world.Script = StandInReviewer();
        world.ToolMode = ChatToolMode.RequireSpecific(WorkQueue.DefaultToolName);
        EquipNewQueue();
        _memory = new LiteDbMemoryBackend(workspace.MemoryDatabasePath, Session);
        world.Memory = _memory;
    }

    /// <summary>The task given to the agent.</summary>
    public string Task => $"Review the {Codebase.Files.Count} C# files of a repository. Call next_item to get a file; " +
        "in its notes, write the defects of the file you got before (hard-coded secrets, empty catch blocks, async void, .Result or .Wait(), SQL built from strings), or 'none'.";

    /// <summary>Runs the review; the user interrupts (gracefully) once <paramref name="files"/> files were handed out.</summary>
    public async Task RunAndInterruptAfterAsync(int files)
    {
        world.InterruptAfterSuccessfulCalls(WorkQueue.DefaultToolName, files, "files");
        await world.RunAsync(Task);
        _interruptCheckpointId = world.RequireInterruption().Reason.CheckpointId
            ?? throw new InvalidOperationException("The interrupted run named no checkpoint to resume from.");
    }

    /// <summary>Resumes from the interrupt's checkpoint with a new agent, a new queue and a reopened memory file.</summary>
    public async Task ResumeAsync()
    {
        var checkpointId = InterruptCheckpointId;
        world.Agent!.Dispose();
        await _memory!.DisposeAsync();
        _memory = new LiteDbMemoryBackend(workspace.MemoryDatabasePath, Session);
        world.Memory = _memory;
        EquipNewQueue();
        world.BuildAgent();
        await world.ResumeWithRunOptionsAsync(checkpointId);
    }

    /// <summary>A queue over the same files, as a caller would build it again, reading its progress from <paramref name="state"/>.</summary>
    public WorkQueue QueueOver(IReadOnlyDictionary<string, string> state) =>
        new(Codebase.Files.Select(f => f.Key), LoadAsync, new Dictionary<string, string>(state));

    /// <summary>Every turn of the review's session, read back from the memory file, in order.</summary>
    public Task<IReadOnlyList<MemoryTurn>> TurnsInMemoryAsync() => StoredTurns.AllAsync(_memory!);

    /// <summary>Every checkpoint of the run's thread, oldest first.</summary>
    public Task<IReadOnlyList<CheckpointInfo>> CheckpointsAsync() => world.CheckpointsAsync();

    /// <summary>Loads a checkpoint of the review from the current agent's store.</summary>
    public Task<Checkpoint> LoadCheckpointAsync(string id) => world.Agent!.Checkpoints.LoadAsync(id);

    /// <summary>Closes the memory file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_memory is not null) await _memory.DisposeAsync();
        _memory = null;
    }

    private void EquipNewQueue()
    {
        Queue = new WorkQueue(Codebase.Files.Select(f => f.Key), LoadAsync);
        world.Extensions = Queue.State;
        world.Tools = new ToolExecutor(new ToolRegistry().AddWorkQueue(Queue));
    }

    private Task<string> LoadAsync(string path, CancellationToken cancellationToken) =>
        File.ReadAllTextAsync(Path.Combine(_root!, path.Replace('/', Path.DirectorySeparatorChar)), cancellationToken);

    // Only for the quick run on the scripted provider: it does what the run asks (call the required tool, answer when
    // offered none) and judges nothing; its notes and its count are placeholders.
    private static ChatScript StandInReviewer() => new ChatScript().Otherwise(request =>
        request.OfferedTools.Contains(WorkQueue.DefaultToolName)
            ? ScriptedReply.CallTool(WorkQueue.DefaultToolName, new { notes = $"stand-in notes, turn {request.Turn}" })
            : ScriptedReply.Complete(new Dictionary<string, object?> { [FindingsOutput] = 0 }));
}
