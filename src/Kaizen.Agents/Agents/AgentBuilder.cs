using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Kaizen.Agents;

/// <summary>
/// Composes an <see cref="AutonomousAgent"/> without a container: model client and its middleware, checkpoints,
/// memory, tools with their approval handler, interrupts. <c>services.AddKaizenAgent(...)</c> configures the same
/// builder from dependency injection. Every part left out keeps the agent's default.
/// </summary>
public sealed class AgentBuilder
{
    private readonly List<Action<ToolRegistry>> _tools = [];
    private readonly List<IAgentObserver> _observers = [];
    private AutonomousConfig _config;
    private IChatClient? _chatClient;
    private Action<ChatClientBuilder>? _middleware;
    private ICheckpointStore? _checkpointStore;
    private Func<AutonomousConfig, IMemoryBackend>? _memory;
    private bool _ownsMemory;
    private IApprovalHandler? _approvals;
    private ApprovalPolicy? _policy;
    private InterruptManager? _interrupts;
    private Signature? _signature;
    private ILoggerFactory? _loggers;
    private TimeProvider? _time;
    private string? _agentId;

    /// <summary>Starts from <paramref name="config"/> (default: <c>new AutonomousConfig()</c>, which reads no environment).</summary>
    public AgentBuilder(AutonomousConfig? config = null) => _config = config ?? new AutonomousConfig();

    /// <summary>Changes the settings, e.g. <c>c =&gt; c with { MaxTurns = 10 }</c>.</summary>
    public AgentBuilder Configure(Func<AutonomousConfig, AutonomousConfig> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _config = change(_config) ?? throw new InvalidOperationException("Configure must return a config.");
        return this;
    }

    /// <summary>
    /// The model: any <see cref="IChatClient"/>. <paramref name="middleware"/> adds steps around it in your order
    /// (<c>UseLogging</c>, <c>UseOpenTelemetry</c>, <c>UseKaizenRetry</c>…); the agent's own budget, cost and retry
    /// steps stay outermost. Without a client the agent builds one from the config's provider.
    /// </summary>
    public AgentBuilder UseChatClient(IChatClient client, Action<ChatClientBuilder>? middleware = null)
    {
        _chatClient = client ?? throw new ArgumentNullException(nameof(client));
        _middleware = middleware;
        return this;
    }

    /// <summary>Checkpoints every <paramref name="interval"/> turns (plus on interrupt and at the end) in <c>DataFolder/checkpoints.db</c>.</summary>
    public AgentBuilder UseCheckpoints(int interval = 5) =>
        Configure(config => config with { EnableCheckpoints = true, CheckpointInterval = interval });

    /// <summary>Checkpoints in <paramref name="store"/> (e.g. PostgreSQL) instead of the LiteDB file; the agent does not dispose it.</summary>
    public AgentBuilder UseCheckpoints(ICheckpointStore store)
    {
        _checkpointStore = store ?? throw new ArgumentNullException(nameof(store));
        return UseCheckpoints(_config.CheckpointInterval);
    }

    /// <summary>
    /// Three-tier memory of session <paramref name="sessionId"/> in the LiteDB file <paramref name="path"/> (relative paths
    /// are under <c>DataFolder</c>); the agent closes it when disposed.
    /// </summary>
    public AgentBuilder UseMemory(string path, string sessionId = "default", MemoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        _memory = config =>
        {
            var fullPath = Path.Combine(config.DataFolder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(fullPath))!);
            return new LiteDbMemoryBackend(fullPath, sessionId, options);
        };
        _ownsMemory = true;
        return this;
    }

    /// <summary>Memory in <paramref name="memory"/>; the agent does not dispose it.</summary>
    public AgentBuilder UseMemory(IMemoryBackend memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        _memory = _ => memory;
        _ownsMemory = false;
        return this;
    }

    /// <summary>Adds a tool; its <paramref name="level"/> decides, through the approval policy, whether a call runs, asks or is refused.</summary>
    public AgentBuilder AddTool(AIFunction function, DangerLevel level)
    {
        ArgumentNullException.ThrowIfNull(function);
        _tools.Add(registry => registry.Register(function, level));
        return this;
    }

    /// <summary>Adds tools to the registry in one step (built-in file, HTTP or command tools, MCP tools…).</summary>
    public AgentBuilder AddTools(Action<ToolRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        _tools.Add(register);
        return this;
    }

    /// <summary>Who decides on calls the policy says to ask about (default policy: Medium and High ask, Critical is refused).</summary>
    public AgentBuilder UseToolApprovals(IApprovalHandler handler, ApprovalPolicy? policy = null)
    {
        _approvals = handler ?? throw new ArgumentNullException(nameof(handler));
        _policy = policy ?? _policy;
        return this;
    }

    /// <summary>Approves a call the policy asks about when <paramref name="approve"/> says so, and denies it otherwise.</summary>
    public AgentBuilder ApproveToolsWhen(Func<ApprovalRequest, bool> approve) => UseToolApprovals(new CallbackApprovalHandler(approve));

    /// <summary>Interrupts from <paramref name="interrupts"/> (e.g. a parent's child manager); the agent does not dispose it.</summary>
    public AgentBuilder UseInterrupts(InterruptManager interrupts)
    {
        _interrupts = interrupts ?? throw new ArgumentNullException(nameof(interrupts));
        return this;
    }

    /// <summary>Turns Ctrl+C / SIGTERM into graceful interrupts: process-wide, so only for the application's top-level agent.</summary>
    public AgentBuilder HandleProcessSignals() => Configure(config => config with { HandleProcessSignals = true });

    /// <summary>The agent's inputs and outputs (default: task → result).</summary>
    public AgentBuilder UseSignature(Signature signature)
    {
        _signature = signature ?? throw new ArgumentNullException(nameof(signature));
        return this;
    }

    /// <summary>Receives the agent's events.</summary>
    public AgentBuilder AddObserver(IAgentObserver observer)
    {
        _observers.Add(observer ?? throw new ArgumentNullException(nameof(observer)));
        return this;
    }

    /// <summary>Logging for the agent and its middleware.</summary>
    public AgentBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        _loggers = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>The clock (checkpoint times, timeouts, retry delays).</summary>
    public AgentBuilder UseTimeProvider(TimeProvider timeProvider)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        return this;
    }

    /// <summary>The agent's id in events, checkpoints and tool contexts (default <c>agent</c>).</summary>
    public AgentBuilder WithId(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        _agentId = agentId;
        return this;
    }

    /// <summary>Builds the agent; the config is validated first.</summary>
    public AutonomousAgent Build()
    {
        var config = _config.Validate();
        var memory = _memory?.Invoke(config);
        var agent = new AutonomousAgent(config, _signature, new AgentServices
        {
            AgentId = _agentId,
            ChatClient = ChatClient(),
            CheckpointStore = _checkpointStore,
            Memory = memory,
            Tools = Tools(),
            Interrupts = _interrupts,
            Observers = _observers.ToList(),
            LoggerFactory = _loggers,
            TimeProvider = _time,
        });
        if (_ownsMemory && memory is IAsyncDisposable owned) agent.Own(owned);
        return agent;
    }

    private IChatClient? ChatClient()
    {
        if (_chatClient is null || _middleware is null) return _chatClient;
        var pipeline = new ChatClientBuilder(_chatClient);
        _middleware(pipeline);
        return pipeline.Build();
    }

    private ToolExecutor? Tools()
    {
        if (_tools.Count == 0) return null;
        var registry = new ToolRegistry();
        foreach (var add in _tools) add(registry);
        return new ToolExecutor(registry, _policy, _approvals, timeProvider: _time);
    }
}
