using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Specs.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Tools;

/// <summary>
/// The tools of a scenario: a workspace folder inside the scenario's data folder, the real registry, policy,
/// executor and audit log, and a stand-in for the person who answers approval requests (records what was asked).
/// </summary>
public sealed class ToolWorld(ScenarioWorkspace workspace, AgentWorld agents)
{
    private readonly List<ApprovalRequest> _asked = [];
    private Dictionary<string, byte[]>? _snapshot;

    /// <summary>The folder the file tools may touch.</summary>
    public string Root { get; } = workspace.FolderOf("workspace");

    /// <summary>The registry the executor uses.</summary>
    public ToolRegistry Registry { get; } = new();

    /// <summary>Every decision of the executor.</summary>
    public InMemoryToolAuditLog Audit { get; } = new();

    /// <summary>How the executor runs calls (time limit, retries); the library's defaults unless a step changes them.</summary>
    public ToolExecutorOptions Options { get; } = new();

    /// <summary>The approval policy of the executor <see cref="Equip"/> builds: the library default unless a step changes it.</summary>
    public ApprovalPolicy Policy { get; } = ApprovalPolicy.Default;

    /// <summary>How the reviewing person answers ("approve" or "deny"); deny unless a step says otherwise.</summary>
    public bool Approves { get; set; }

    /// <summary>The clock the executor waits on: the system's, noting every timer the executor starts.</summary>
    public TimerRecordingClock Clock { get; } = new();

    /// <summary>What the executor answered the last call handed straight to it (<see cref="HandToExecutorAsync"/>).</summary>
    public ToolExecutionResult? LastAnswer { get; private set; }

    /// <summary>The approval requests the person received, in order.</summary>
    public IReadOnlyList<ApprovalRequest> Asked { get { lock (_asked) return _asked.ToList(); } }

    /// <summary>Adds the built-in file tools on <see cref="Root"/>.</summary>
    public void AddFileTools() => Registry.AddFileTools(new Workspace(Root));

    /// <summary>Adds the built-in <c>run_command</c> tool (Critical) working in <see cref="Root"/>.</summary>
    public void AddCommandTool() => Registry.AddCommandTool(new Workspace(Root), TimeSpan.FromSeconds(10));

    /// <summary>Gives the scenario's agent an executor with <see cref="Policy"/> over <see cref="Registry"/>.</summary>
    public void Equip()
    {
        var person = new CallbackApprovalHandler(request =>
        {
            lock (_asked) _asked.Add(request);
            return Approves;
        }, "person");
        agents.Tools = new ToolExecutor(Registry, Policy, person, Audit, Options, Clock);
    }

    /// <summary>
    /// Gives the scenario's agent an executor whose approvals wait in <paramref name="store"/>: a call that needs
    /// approval is recorded as pending and the run stops until someone decides it in the store.
    /// </summary>
    public void EquipWithApprovalStore(IApprovalStore store) =>
        agents.Tools = new ToolExecutor(Registry, Policy, new StoredApprovalHandler(store), Audit, Options, Clock);

    /// <summary>Remembers every workspace file and its bytes, to compare after a run.</summary>
    public void TakeSnapshot() => _snapshot = ReadFiles();

    /// <summary>The full paths of workspace files added, removed or changed since <see cref="TakeSnapshot"/>, sorted.</summary>
    public IReadOnlyList<string> ChangedSinceSnapshot()
    {
        var before = _snapshot ?? throw new InvalidOperationException("No workspace snapshot was taken before the run.");
        var after = ReadFiles();
        return before.Keys.Union(after.Keys)
            .Where(path => !before.TryGetValue(path, out var old) || !after.TryGetValue(path, out var now) || !old.AsSpan().SequenceEqual(now))
            .Order(StringComparer.Ordinal).ToList();
    }

    private Dictionary<string, byte[]> ReadFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToDictionary(Path.GetFullPath, File.ReadAllBytes);

    /// <summary>The absolute path of a workspace file.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Hands a call straight to the agent's tool executor, as the agent loop does with a model's call (no model is
    /// asked), and keeps the answer in <see cref="LastAnswer"/>.
    /// </summary>
    public async Task HandToExecutorAsync(string name, string argumentsJson)
    {
        var executor = agents.Tools ?? throw new InvalidOperationException("No agent tools were set up.");
        LastAnswer = await executor.ExecuteAsync(new FunctionCallContent("call-1", name, ToolArguments.FromJson(argumentsJson)),
            new ToolCallContext("agent", "thread-1", 1));
    }

    /// <summary>The answer to the last call handed to the executor; fails when none was made.</summary>
    public ToolExecutionResult RequireAnswer() => LastAnswer ?? throw new InvalidOperationException("No call was handed to the executor.");
}
