using System.Security.Cryptography;
using System.Text;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kaizen.Agents;

/// <summary>
/// An agent that works on a task turn by turn until the model signals completion, the turn limit is reached, or an
/// interrupt stops it; checkpoints let any run be resumed or forked. One run at a time per instance.
/// </summary>
public sealed class AutonomousAgent : IDisposable
{
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private readonly IChatClient _innerChat;
    private readonly ILoggerFactory _loggers;
    private readonly IReadOnlyList<IAgentObserver> _observers;
    private readonly Lazy<ICheckpointStore> _store;
    private readonly bool _ownsStore;
    private readonly bool _ownsInterrupts;
    private readonly List<IAsyncDisposable> _owned = [];
    private AgentRun? _current;

    /// <summary>Creates an agent; the config is validated first.</summary>
    /// <param name="config">Settings.</param>
    /// <param name="signature">Inputs and outputs (default: task → result).</param>
    /// <param name="services">Optional collaborators (model, checkpoint store, memory, tools, observers…).</param>
    public AutonomousAgent(AutonomousConfig config, Signature? signature = null, AgentServices? services = null)
    {
        Config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        services ??= new AgentServices();
        Signature = signature ?? Signature.Default();
        AgentId = services.AgentId ?? "agent";
        Time = services.TimeProvider ?? TimeProvider.System;
        _loggers = services.LoggerFactory ?? NullLoggerFactory.Instance;
        _observers = services.Observers;
        CheckpointHooks = services.CheckpointHooks;
        Memory = services.Memory;
        Tools = services.Tools;
        Publisher = new AgentEventPublisher(_observers, _loggers.CreateLogger<AutonomousAgent>());

        _innerChat = services.ChatClient ?? LlmFactory.CreateChatClient(Config);
        ChatClient = LlmFactory.BuildPipeline(_innerChat, Config, Usage, Time, _loggers);

        _ownsStore = services.CheckpointStore is null;
        _store = new Lazy<ICheckpointStore>(() => services.CheckpointStore
            ?? new LiteDbCheckpointStore(Config.CheckpointDatabasePath, Config.EffectiveCompression, Time));

        _ownsInterrupts = services.Interrupts is null;
        Interrupts = services.Interrupts ?? new InterruptManager(Config.GracefulShutdownTimeout, Time);
        if (Config.HandleProcessSignals) Interrupts.AddHandler(new SignalInterruptHandler());
        if (Config.Timeout is { } timeout) Interrupts.AddHandler(new TimeoutInterruptHandler(timeout));
        if (!Config.Budget.IsUnlimited) Interrupts.AddHandler(new BudgetInterruptHandler(Usage, Config.Budget));
        ConfigHash = HashConfig(Config, Signature);
    }

    /// <summary>The agent's id (events, checkpoints, tool contexts).</summary>
    public string AgentId { get; }

    /// <summary>Settings.</summary>
    public AutonomousConfig Config { get; }

    /// <summary>Inputs and outputs.</summary>
    public Signature Signature { get; }

    /// <summary>The model behind the middleware pipeline (budget → cost → retry → provider).</summary>
    public IChatClient ChatClient { get; }

    /// <summary>Tokens and dollars spent by the current (or last) thread.</summary>
    public UsageMeter Usage { get; } = new();

    /// <summary>Interrupts of this agent; request one with <see cref="InterruptManager.RequestInterrupt"/>.</summary>
    public InterruptManager Interrupts { get; }

    /// <summary>The checkpoint store (opened on first use).</summary>
    public ICheckpointStore Checkpoints => _store.Value;

    /// <summary>The memory backend, if any.</summary>
    public IMemoryBackend? Memory { get; }

    /// <summary>The tool executor, if any.</summary>
    public IToolExecutor? Tools { get; }

    /// <summary>The thread of the current or last run.</summary>
    public string? CurrentThreadId => _current?.ThreadId;

    /// <summary>The state of the current or last run (updated at the end of each turn).</summary>
    public AgentState? CurrentState => _current?.State;

    /// <summary>The newest checkpoint of the current or last run.</summary>
    public string? LastCheckpointId => _current?.LastCheckpointId;

    /// <summary>Hash of provider, model and signature stored in each checkpoint.</summary>
    public string ConfigHash { get; }

    internal TimeProvider Time { get; }
    internal IReadOnlyList<ICheckpointHook> CheckpointHooks { get; }
    internal AgentEventPublisher Publisher { get; }

    /// <summary>Runs <paramref name="task"/> on a new thread for at most <paramref name="maxTurns"/> turns (default: the config's).</summary>
    /// <exception cref="AgentInterruptedException">An interrupt stopped the run; its reason names the checkpoint saved.</exception>
    public Task<AgentRunResult> RunAutonomousAsync(string task, int? maxTurns = null, CancellationToken cancellationToken = default) =>
        RunAutonomousAsync(new AgentRunRequest(task) { MaxTurns = maxTurns }, cancellationToken);

    /// <summary>Runs one task through the loop with full options (inputs, thread id, tool modes, live extensions).</summary>
    /// <exception cref="AgentInterruptedException">An interrupt stopped the run; its reason names the checkpoint saved.</exception>
    public async Task<AgentRunResult> RunAutonomousAsync(AgentRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Task, nameof(request));
        var missing = Signature.Inputs.Where(i => i.Name != "task" && !request.Inputs.ContainsKey(i.Name)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Signature '{Signature.Name}' needs input(s) " +
                string.Join(", ", missing.Select(i => $"'{i.Name}' ({i.Description})")) + ": pass them in AgentRunRequest.Inputs.", nameof(request));
        var maxTurns = request.MaxTurns ?? Config.MaxTurns;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTurns, 1, nameof(request.MaxTurns));
        var state = new AgentState
        {
            Task = request.Task,
            Inputs = request.Inputs,
            MaxTurns = maxTurns,
            Conversation = [new ConversationEntry(ConversationEntry.UserRole, PromptBuilder.TaskText(request.Task, request.Inputs), 0)],
            Extensions = request.Extensions is null ? new Dictionary<string, string>() : new Dictionary<string, string>(request.Extensions),
            ConfigHash = ConfigHash,
        };
        var threadId = request.ThreadId ?? NewThreadId();
        return await ExecuteAsync(new AgentRun(this, threadId, state, null, request.Extensions, TurnToolChoice.Of(request)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues the thread of checkpoint <paramref name="checkpointId"/> at its next turn, up to <paramref name="maxTurns"/>
    /// turns in total (default: the thread's limit). <paramref name="extensions"/>, when given, is refilled from the checkpoint
    /// and stays live during the run.
    /// </summary>
    /// <exception cref="CheckpointCorruptedException">The checkpoint fails verification; the exception names the previous valid one.</exception>
    /// <exception cref="CheckpointConflictException">Another run extended the thread after this resume read it; nothing was saved by this run.</exception>
    public Task<AgentRunResult> ResumeAsync(string checkpointId, int? maxTurns = null, IDictionary<string, string>? extensions = null, CancellationToken cancellationToken = default) =>
        ResumeAsync(new AgentResumeRequest(checkpointId) { MaxTurns = maxTurns, Extensions = extensions }, cancellationToken);

    /// <summary>
    /// Continues the thread of the request's checkpoint at its next turn, with the request's turn limit, live state and
    /// tool choice.
    /// </summary>
    /// <exception cref="CheckpointCorruptedException">The checkpoint fails verification; the exception names the previous valid one.</exception>
    /// <exception cref="CheckpointConflictException">Another run extended the thread after this resume read it; nothing was saved by this run.</exception>
    // Like RunAutonomousAsync: the request overload and the checkpoint-id overload never compete for a call (their first
    // parameters differ in type), which is what RS0026 guards against.
#pragma warning disable RS0026
    public async Task<AgentRunResult> ResumeAsync(AgentResumeRequest request, CancellationToken cancellationToken = default)
#pragma warning restore RS0026
    {
        ArgumentNullException.ThrowIfNull(request);
        var checkpointId = request.CheckpointId;
        var checkpoint = await Checkpoints.LoadAsync(checkpointId, cancellationToken).ConfigureAwait(false);
        if (checkpoint.State.ConfigHash != ConfigHash)
            _loggers.CreateLogger<AutonomousAgent>().LogWarning(
                "Checkpoint {CheckpointId} was written with another provider/model/signature (hash {Saved}, now {Current}); resuming anyway.",
                checkpointId, checkpoint.State.ConfigHash, ConfigHash);
        var state = checkpoint.State with { MaxTurns = request.MaxTurns ?? checkpoint.State.MaxTurns };
        var extensions = request.Extensions;
        if (extensions is not null)
        {
            extensions.Clear();
            foreach (var (key, value) in state.Extensions) extensions[key] = value;
        }
        var head = await ThreadHeadAsync(checkpoint.Info.ThreadId, cancellationToken).ConfigureAwait(false);
        var toolChoice = new TurnToolChoice(FirstTurn: null, request.ToolMode);
        return await ExecuteAsync(new AgentRun(this, checkpoint.Info.ThreadId, state, checkpoint.Info.Id, extensions, toolChoice, threadHeadId: head), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The thread's newest checkpoint, which the resumed run's saves must still find there (optimistic concurrency). A
    /// thread whose listing is damaged is resumed without the check: the damage is reported by the store elsewhere.
    /// </summary>
    private async Task<string?> ThreadHeadAsync(string threadId, CancellationToken cancellationToken)
    {
        try
        {
            return (await Checkpoints.ListAsync(threadId, cancellationToken).ConfigureAwait(false)).LastOrDefault()?.Id;
        }
        catch (CheckpointStoreDamagedException)
        {
            return null;
        }
    }

    /// <summary>Saves a manual checkpoint of the current state (during a run, e.g. from an observer, or after it).</summary>
    public Task<CheckpointInfo> CreateCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var run = _current ?? throw new InvalidOperationException("No run yet: start one with RunAutonomousAsync or ResumeAsync before creating a checkpoint.");
        return run.SaveCheckpointAsync(CheckpointKind.Manual, cancellationToken);
    }

    /// <summary>The checkpoints of a thread (default: the current one), oldest first.</summary>
    public Task<IReadOnlyList<CheckpointInfo>> ListCheckpointsAsync(string? threadId = null, CancellationToken cancellationToken = default)
    {
        var thread = threadId ?? CurrentThreadId ?? throw new InvalidOperationException("No thread given and no run yet.");
        return Checkpoints.ListAsync(thread, cancellationToken);
    }

    /// <summary>Starts a new thread from checkpoint <paramref name="checkpointId"/> (parent link kept); resume the returned checkpoint to continue it.</summary>
    public async Task<CheckpointInfo> ForkAsync(string checkpointId, CancellationToken cancellationToken = default)
    {
        var source = await Checkpoints.LoadAsync(checkpointId, cancellationToken).ConfigureAwait(false);
        return await Checkpoints.SaveAsync(new CheckpointWrite(NewThreadId(), source.Info.Id, CheckpointKind.Fork, source.State), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a child agent for multi-agent work: it shares this agent's checkpoint store, clock, logging and (unless
    /// replaced) model and tools; its interrupt manager is a child of this one, so interrupting the parent stops the
    /// child too (each saves its own checkpoint). OS signals are handled by the parent only.
    /// </summary>
    public AutonomousAgent CreateChild(string childName, Signature? signature = null, AgentServices? overrides = null, AutonomousConfig? config = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(childName);
        return new AutonomousAgent((config ?? Config) with { HandleProcessSignals = false }, signature ?? Signature, new AgentServices
        {
            AgentId = overrides?.AgentId ?? $"{AgentId}/{childName}",
            ChatClient = overrides?.ChatClient ?? _innerChat,
            CheckpointStore = overrides?.CheckpointStore ?? Checkpoints,
            Memory = overrides?.Memory,
            Tools = overrides?.Tools ?? Tools,
            Interrupts = overrides?.Interrupts ?? Interrupts.CreateChild(),
            Observers = overrides?.Observers ?? _observers,
            CheckpointHooks = overrides?.CheckpointHooks ?? [],
            LoggerFactory = overrides?.LoggerFactory ?? _loggers,
            TimeProvider = overrides?.TimeProvider ?? Time,
        });
    }

    /// <summary>Releases the checkpoint store, interrupt manager and memory when the agent (or its builder) created them.</summary>
    public void Dispose()
    {
        foreach (var owned in _owned) owned.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _owned.Clear();
        if (_ownsStore && _store.IsValueCreated) _store.Value.Dispose();
        if (_ownsInterrupts) Interrupts.Dispose();
        _runGate.Dispose();
    }

    /// <summary>Makes <paramref name="resource"/> (created for this agent by its builder) close with the agent.</summary>
    internal void Own(IAsyncDisposable resource) => _owned.Add(resource);

    private async Task<AgentRunResult> ExecuteAsync(AgentRun run, CancellationToken cancellationToken)
    {
        if (!await _runGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Agent '{AgentId}' is already running; create another agent (or a child) for concurrent work.");
        try
        {
            _current = run;
            return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _runGate.Release();
        }
    }

    private string NewThreadId() => "thread_" + Guid.CreateVersion7(Time.GetUtcNow()).ToString("N");

    private static string HashConfig(AutonomousConfig config, Signature signature) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{config.Provider}\n{config.Model}\n{signature.Describe()}")))[..16];
}
