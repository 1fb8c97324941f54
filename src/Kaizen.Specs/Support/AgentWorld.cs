using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Support;

/// <summary>
/// The agent under test in a scenario: its configuration, its script (what the scripted model answers), the real
/// <see cref="AutonomousAgent"/> built from them on the scenario's data folder, the events it published and how its
/// last run ended. Injected by constructor; disposed with the scenario.
/// </summary>
public sealed class AgentWorld : IAsyncDisposable
{
    private readonly ScenarioWorkspace _workspace;
    private readonly ModelProvider _provider;
    private readonly List<AutonomousAgent> _agents = [];
    private readonly List<AgentEvent> _events = [];
    private readonly List<Action<AgentEvent, AutonomousAgent>> _reactions = [];

    /// <summary>Creates the world for the running scenario.</summary>
    public AgentWorld(ScenarioWorkspace workspace, ModelProvider provider)
    {
        _workspace = workspace;
        _provider = provider;
        Config = provider.Config(workspace.FolderOf("agent"));
        workspace.Track(this);
    }

    /// <summary>Named signature inputs given with the next run's task.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; set; } = new Dictionary<string, string>();

    /// <summary>What the next agent takes and must return (null: the default task → result signature).</summary>
    public Signature? Signature { get; set; }

    /// <summary>The configuration the next agent is built with.</summary>
    public AutonomousConfig Config { get; set; }

    /// <summary>What the scripted model answers (ignored on a real model).</summary>
    public ChatScript Script { get; set; } = ChatScript.Endless();

    /// <summary>
    /// Wraps the model client of the next agents (e.g. a simulated latency on a fake clock). It shapes the environment
    /// of the model call, never its reply.
    /// </summary>
    public Func<Microsoft.Extensions.AI.IChatClient, Microsoft.Extensions.AI.IChatClient>? ModelMiddleware { get; set; }

    /// <summary>The tool choice of the first turn of the next runs (e.g. require a given tool).</summary>
    public Microsoft.Extensions.AI.ChatToolMode? FirstTurnToolMode { get; set; }

    /// <summary>The tool choice of every turn of the next runs (<c>RequireAny</c>: a tool call each turn, so a run lasts its turn limit).</summary>
    public Microsoft.Extensions.AI.ChatToolMode? ToolMode { get; set; }

    /// <summary>Live component state of the next runs (<see cref="AgentRunRequest.Extensions"/>), e.g. a work queue's progress.</summary>
    public IDictionary<string, string>? Extensions { get; set; }

    /// <summary>True when the scenario runs on a real model (its replies are the model's own).</summary>
    public bool IsRealModel => !_provider.IsScripted;

    /// <summary>The clock the next agent uses (a fake one makes time limits deterministic).</summary>
    public TimeProvider? Time { get; set; }

    /// <summary>Memory given to the next agent.</summary>
    public IMemoryBackend? Memory { get; set; }

    /// <summary>The checkpoint store of the next agents, from their configuration (null: the library's default file).</summary>
    public Func<AutonomousConfig, ICheckpointStore>? CheckpointStoreFor { get; set; }

    /// <summary>Tools given to the next agent.</summary>
    public IToolExecutor? Tools { get; set; }

    /// <summary>The agent built last.</summary>
    public AutonomousAgent? Agent { get; private set; }

    /// <summary>The result of the last run that ended normally.</summary>
    public AgentRunResult? Result { get; private set; }

    /// <summary>How the last run was interrupted, if it was.</summary>
    public AgentInterruptedException? Interruption { get; private set; }

    /// <summary>Every event published by the scenario's agents, in order.</summary>
    public IReadOnlyList<AgentEvent> Events { get { lock (_events) return _events.ToList(); } }

    /// <summary>The scenario's data folder (for messages).</summary>
    public string DataFolder => _workspace.DataFolder;

    /// <summary>Reacts to the agent's events while it runs (e.g. to interrupt it during a given turn).</summary>
    public void OnEvent(Action<AgentEvent, AutonomousAgent> reaction) => _reactions.Add(reaction);

    /// <summary>
    /// Builds a new agent from the current settings, or from <paramref name="config"/> and <paramref name="script"/> when
    /// given (the previous one stays open until the scenario ends). It becomes <see cref="Agent"/>.
    /// </summary>
    public AutonomousAgent BuildAgent(string agentId = "agent", AutonomousConfig? config = null, ChatScript? script = null)
    {
        config ??= Config;
        script ??= Script;
        AutonomousAgent? agent = null;
        var observer = new DelegateAgentObserver(e => Record(e, agent!));
        agent = new AutonomousAgent(config, Signature, new AgentServices
        {
            AgentId = agentId,
            ChatClient = Wrap(_provider.ChatClient(config, script)),
            CheckpointStore = CheckpointStoreFor?.Invoke(config),
            Memory = Memory,
            Tools = Tools,
            TimeProvider = Time,
            Observers = [observer],
        });
        _agents.Add(agent);
        Agent = agent;
        return agent;
    }

    /// <summary>A configuration like <see cref="Config"/> with its own data folder, for one more agent of the scenario.</summary>
    public AutonomousConfig ConfigFor(string agentName) =>
        Config with { DataFolder = _workspace.FolderOf(Path.Combine("agents", agentName.Replace('/', '-'))) };

    /// <summary>A chat client of the scenario's provider (usage recorded), e.g. for a planner model.</summary>
    public Microsoft.Extensions.AI.IChatClient ChatClient(ChatScript script) => Wrap(_provider.ChatClient(Config, script));

    private Microsoft.Extensions.AI.IChatClient Wrap(Microsoft.Extensions.AI.IChatClient client) => ModelMiddleware?.Invoke(client) ?? client;

    /// <summary>
    /// An observer for agents built outside <see cref="BuildAgent"/> (e.g. child agents): records their events and runs
    /// the reactions with <paramref name="agent"/>.
    /// </summary>
    public IAgentObserver ObserverFor(Func<AutonomousAgent> agent) => new DelegateAgentObserver(e => Record(e, agent()));

    private void Record(AgentEvent agentEvent, AutonomousAgent agent)
    {
        lock (_events) _events.Add(agentEvent);
        foreach (var reaction in _reactions) reaction(agentEvent, agent);
    }

    /// <summary>Runs <paramref name="task"/> on the current agent (built if needed), recording how it ended.</summary>
    public async Task RunAsync(string task, int? maxTurns = null)
    {
        var agent = Agent ?? BuildAgent();
        await CaptureAsync(() => agent.RunAutonomousAsync(new AgentRunRequest(task) { Inputs = Inputs, MaxTurns = maxTurns, FirstTurnToolMode = FirstTurnToolMode, ToolMode = ToolMode, Extensions = Extensions }));
    }

    /// <summary>Resumes from <paramref name="checkpointId"/> on the current agent, recording how it ended.</summary>
    public async Task ResumeAsync(string checkpointId, int? maxTurns = null)
    {
        var agent = Agent ?? BuildAgent();
        await CaptureAsync(() => agent.ResumeAsync(checkpointId, maxTurns));
    }

    /// <summary>
    /// Makes the user interrupt the next run gracefully once <paramref name="tool"/> has succeeded <paramref name="calls"/>
    /// times, with the reason "stopped by the user after <paramref name="calls"/> <paramref name="items"/>".
    /// </summary>
    public void InterruptAfterSuccessfulCalls(string tool, int calls, string items)
    {
        var succeeded = 0;
        OnEvent((e, agent) =>
        {
            if (e is ToolCalled { Status: ToolExecutionStatus.Succeeded } call && call.ToolName == tool && ++succeeded == calls)
                agent.Interrupts.RequestInterrupt(InterruptSource.User, InterruptMode.Graceful, $"stopped by the user after {calls} {items}");
        });
    }

    /// <summary>
    /// Resumes from the request's checkpoint on the current agent, with <see cref="Extensions"/> refilled from it and every
    /// remaining turn under <see cref="ToolMode"/>, recording how it ended.
    /// </summary>
    public async Task ResumeWithRunOptionsAsync(string checkpointId)
    {
        var agent = Agent ?? BuildAgent();
        await CaptureAsync(() => agent.ResumeAsync(new AgentResumeRequest(checkpointId) { Extensions = Extensions, ToolMode = ToolMode }));
    }

    /// <summary>The checkpoints of the last run's thread, oldest first.</summary>
    public async Task<IReadOnlyList<CheckpointInfo>> CheckpointsAsync()
    {
        var agent = Agent ?? throw new InvalidOperationException("No agent has run in this scenario.");
        var thread = agent.CurrentThreadId ?? throw new InvalidOperationException("The agent has not started a run.");
        return await agent.ListCheckpointsAsync(thread);
    }

    /// <summary>The interruption of the last run; fails with a readable message when the run was not interrupted.</summary>
    public AgentInterruptedException RequireInterruption() =>
        Interruption ?? throw new Xunit.Sdk.XunitException(
            $"Expected the run to be interrupted, but it ended with {Result?.StopReason.ToString() ?? "nothing"} after {Result?.Turns} turns. Data folder: {DataFolder}");

    /// <summary>The result of the last run; fails with a readable message when the run was interrupted.</summary>
    public AgentRunResult RequireResult() =>
        Result ?? throw new Xunit.Sdk.XunitException(
            $"Expected the run to end normally, but it was interrupted: {Interruption?.Reason}. Data folder: {DataFolder}");

    /// <summary>Closes the agents (their checkpoint files) so the data folder can be inspected or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        foreach (var agent in _agents) agent.Dispose();
        _agents.Clear();
        return ValueTask.CompletedTask;
    }

    private async Task CaptureAsync(Func<Task<AgentRunResult>> run)
    {
        Result = null;
        Interruption = null;
        try { Result = await run(); }
        catch (AgentInterruptedException interrupted) { Interruption = interrupted; }
    }
}
