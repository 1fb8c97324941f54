using Microsoft.Extensions.AI;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Diagnostics;
using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Tests.Agents.Support;

/// <summary>Builds agents on the scripted model with a real LiteDB checkpoint file in a temp folder.</summary>
public sealed class AgentFixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<IDisposable> _owned = [];

    public string DataFolder => _folder.Path;

    public RecordingObserver Events { get; } = new();

    public AutonomousConfig Config(int interval = 5, int maxTurns = 20) => new()
    {
        Provider = LlmProviders.Scripted,
        DataFolder = _folder.Path,
        CheckpointInterval = interval,
        MaxTurns = maxTurns,
        HandleProcessSignals = false,
    };

    public AutonomousAgent Agent(IChatClient? model = null, AutonomousConfig? config = null, AgentServices? services = null, Signature? signature = null)
    {
        var agent = new AutonomousAgent(config ?? Config(), signature, (services ?? new AgentServices()) with
        {
            ChatClient = model ?? services?.ChatClient ?? new ScriptedChatClient(ChatScript.Endless()),
            Observers = [Events, .. services?.Observers ?? []],
        });
        _owned.Add(agent);
        return agent;
    }

    public LiteDbCheckpointStore OpenStore(CheckpointCompression compression = CheckpointCompression.Zstd)
    {
        var store = new LiteDbCheckpointStore(Path.Combine(_folder.Path, "checkpoints.db"), compression);
        _owned.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var owned in Enumerable.Reverse(_owned)) owned.Dispose();
        _folder.Dispose();
    }
}

/// <summary>Keeps every agent event.</summary>
public sealed class RecordingObserver : IAgentObserver
{
    private readonly List<AgentEvent> _events = [];

    public IReadOnlyList<AgentEvent> All { get { lock (_events) return _events.ToList(); } }

    public IReadOnlyList<T> Of<T>() where T : AgentEvent => All.OfType<T>().ToList();

    public void OnEvent(AgentEvent agentEvent) { lock (_events) _events.Add(agentEvent); }
}
