using Kaizen.Agents.Embeddings.MiniLM;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Caching;
using Kaizen.Specs.Support;

namespace Kaizen.Specs.Memory;

/// <summary>
/// The memory store of a scenario: one LiteDB file in the scenario's data folder, one backend per session,
/// and what the last read returned. Injected by constructor into the memory bindings.
/// </summary>
public sealed class MemoryWorld : IAsyncDisposable
{
    private readonly ScenarioWorkspace _workspace;
    private readonly Dictionary<string, LiteDbMemoryBackend> _backends = new(StringComparer.Ordinal);

    /// <summary>Creates the world; the backends are opened on first use.</summary>
    public MemoryWorld(ScenarioWorkspace workspace)
    {
        _workspace = workspace;
        workspace.Track(this);
    }

    /// <summary>Options for backends opened from now on; cold search uses the real sentence model (MiniLM).</summary>
    public MemoryOptions Options { get; } = new MemoryOptions().UseMiniLM();

    /// <summary>The LiteDB file.</summary>
    public string DatabasePath => _workspace.MemoryDatabasePath;

    /// <summary>The turns the last hot or warm read returned.</summary>
    public IReadOnlyList<MemoryTurn> LastRead { get; set; } = [];

    /// <summary>The hot-tier counters of the session just before the last hot read (the read's own hits and misses are the difference).</summary>
    public CacheStatistics? HotStatisticsBeforeLastRead { get; set; }

    /// <summary>The question of the last cold search.</summary>
    public string LastQuery { get; set; } = "";

    /// <summary>The results of the last cold search.</summary>
    public IReadOnlyList<ScoredMemoryTurn> LastSearch { get; set; } = [];

    /// <summary>The session the scenario used last (for steps that do not name one).</summary>
    public string? LastSession { get; private set; }

    /// <summary>The backend of <paramref name="session"/>, opened on the scenario's file when first asked for.</summary>
    public LiteDbMemoryBackend Session(string session)
    {
        LastSession = session;
        if (!_backends.TryGetValue(session, out var backend))
        {
            backend = new LiteDbMemoryBackend(DatabasePath, session, Options);
            _backends[session] = backend;
        }
        return backend;
    }

    /// <summary>Closes every backend (as a process exit would) so the next access reopens the file.</summary>
    public async Task CloseAllAsync()
    {
        foreach (var backend in _backends.Values) await backend.DisposeAsync();
        _backends.Clear();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CloseAllAsync();
}
