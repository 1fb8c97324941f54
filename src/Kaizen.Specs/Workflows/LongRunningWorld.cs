using Kaizen.Agents.Llm;
using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Support;
using Kaizen.Specs.Workloads.CodeReview;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// A long-running job in a scenario: the real agent with LiteDB memory and checkpoints in the scenario's data folder,
/// a read tool through the real executor (whose audit log shows every item fetched), an interrupt after N items and a
/// resume by a new agent and a reopened memory file, as after a restart.
/// </summary>
public sealed class LongRunningWorld : IAsyncDisposable
{
    private const string Session = "long-running";
    private readonly AgentWorld world;
    private readonly ScenarioWorkspace workspace;
    private readonly UsageLedger ledger;
    private readonly InMemoryToolAuditLog _audit = new();
    private LiteDbMemoryBackend? _memory;

    /// <summary>Creates the world; closed with the scenario.</summary>
    public LongRunningWorld(AgentWorld world, ScenarioWorkspace workspace, UsageLedger ledger)
    {
        this.world = world;
        this.workspace = workspace;
        this.ledger = ledger;
        Root = workspace.FolderOf("workspace");
        workspace.Track(this);
    }

    /// <summary>The job being run.</summary>
    public BatchJob? Job { get; private set; }

    /// <summary>The generated repository written to <see cref="Root"/>, in a code review.</summary>
    public GeneratedCodebase? Codebase { get; set; }

    /// <summary>The folder the tools read from.</summary>
    public string Root { get; }

    /// <summary>The tools offered to the agent.</summary>
    public ToolRegistry Registry { get; } = new();

    /// <summary>Every tool decision across the interrupted and the resumed run.</summary>
    public IReadOnlyList<ToolAuditEntry> Audit => _audit.Entries;

    /// <summary>The scenario's usage ledger (cost check).</summary>
    public UsageLedger Ledger => ledger;

    /// <summary>The agent world (results, events).</summary>
    public AgentWorld Agents => world;

    /// <summary>Adds the built-in file tools on <see cref="Root"/>.</summary>
    public void AddFileTools() => Registry.AddFileTools(new Workspace(Root));

    /// <summary>The price of the model in these scenarios: $0.15 per million input tokens, $0.60 per million output tokens.</summary>
    public static readonly ModelPrice ScenarioPrice = new(0.15m, 0.60m);

    /// <summary>Prepares the agent for <paramref name="job"/>, checkpointing every <paramref name="checkpointInterval"/> turns.</summary>
    public void Prepare(BatchJob job, int checkpointInterval)
    {
        Job = job;
        world.Config = world.Config with
        {
            EnableCheckpoints = true,
            CheckpointInterval = checkpointInterval,
            MaxTurns = job.Items.Count * 2 + 10,
            // Priced like a small hosted model, so the cost the run reports is a figure the library must get right.
            Prices = world.Config.Prices.With(world.Config.Provider, world.Config.Model, ScenarioPrice),
        };
        world.Script = BatchJobScript.For(job);
        world.Tools = new ToolExecutor(Registry, audit: _audit);
        _memory = new LiteDbMemoryBackend(workspace.MemoryDatabasePath, Session);
        world.Memory = _memory;
    }

    /// <summary>Runs the job; the user interrupts (gracefully) once <paramref name="items"/> items have been fetched.</summary>
    public async Task RunAndInterruptAfterAsync(int items)
    {
        world.InterruptAfterSuccessfulCalls(Job!.ToolName, items, "items");
        await world.RunAsync(Job!.Task);
        world.RequireInterruption();
    }

    /// <summary>Resumes from the interrupt's checkpoint with a new agent and a reopened memory file.</summary>
    public async Task ResumeAsync()
    {
        var checkpointId = world.RequireInterruption().Reason.CheckpointId
            ?? throw new InvalidOperationException("The interrupted run named no checkpoint to resume from.");
        world.Agent!.Dispose();
        await _memory!.DisposeAsync();
        _memory = new LiteDbMemoryBackend(workspace.MemoryDatabasePath, Session);
        world.Memory = _memory;
        world.BuildAgent();
        await world.ResumeAsync(checkpointId);
        world.RequireResult().StopReason.Should().Be(AgentStopReason.Completed, "the resumed run finishes the job");
    }

    /// <summary>The item keys the tool returned successfully, in order, across both runs.</summary>
    public IReadOnlyList<string> FetchedItems() => Audit
        .Where(e => e.ToolName == Job!.ToolName && e.Decision == ToolAuditDecision.Succeeded)
        .Select(e =>
        {
            using var arguments = JsonDocument.Parse(e.ArgumentsJson);
            var value = arguments.RootElement.GetProperty(Job!.KeyArgument);
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        })
        .ToList();

    /// <summary>Every set of notes the model wrote, read back from the memory file (not from the process).</summary>
    public async Task<IReadOnlyList<BatchNotes>> NotesInMemoryAsync()
    {
        var turns = await _memory!.LoadTurnsAsync(0, 1_000_000);
        return turns
            .Where(t => t.Role == "assistant")
            .Select(t => t.Content.Split("\n[called tool ")[0])
            .Select(text => BatchNotes.TryParse(AgentReplyProtocol.Parse(text).Thought))
            .Where(n => n?.Item is not null)
            .Select(n => n!)
            .ToList();
    }

    /// <summary>Every checkpoint of the run's thread.</summary>
    public Task<IReadOnlyList<CheckpointInfo>> CheckpointsAsync() => world.CheckpointsAsync();

    /// <summary>Closes the memory file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_memory is not null) await _memory.DisposeAsync();
        _memory = null;
    }

    /// <summary>The tally the model reported when it finished.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FinalTally() =>
        JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<string>>>(world.RequireResult().GetOutput<string>("result"))!;
}
