using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Interrupts;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Kaizen.Agents;

/// <summary>Optional collaborators of an <see cref="AutonomousAgent"/>; whatever is left null is built from the config or left out.</summary>
public sealed record AgentServices
{
    /// <summary>Agent id used in events, checkpoints and tool contexts (default "agent").</summary>
    public string? AgentId { get; init; }

    /// <summary>The model (any <c>IChatClient</c>, e.g. the <c>ScriptedChatClient</c> of Kaizen.Agents.Testing in tests); null builds one from the config. Cost, budget and retry middleware are added around it.</summary>
    public IChatClient? ChatClient { get; init; }

    /// <summary>Checkpoint storage; null opens a LiteDB store in the config's data folder (owned and disposed by the agent).</summary>
    public ICheckpointStore? CheckpointStore { get; init; }

    /// <summary>Conversation memory: every turn is stored and hot/warm/cold tiers feed the prompt.</summary>
    public IMemoryBackend? Memory { get; init; }

    /// <summary>Tools offered to the model and the executor of its calls.</summary>
    public IToolExecutor? Tools { get; init; }

    /// <summary>Interrupt manager (e.g. a parent's child manager); null creates one.</summary>
    public InterruptManager? Interrupts { get; init; }

    /// <summary>Event observers.</summary>
    public IReadOnlyList<IAgentObserver> Observers { get; init; } = [];

    /// <summary>Hooks run before and after each checkpoint.</summary>
    public IReadOnlyList<ICheckpointHook> CheckpointHooks { get; init; } = [];

    /// <summary>Logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Clock (tests pass a FakeTimeProvider).</summary>
    public TimeProvider? TimeProvider { get; init; }
}
