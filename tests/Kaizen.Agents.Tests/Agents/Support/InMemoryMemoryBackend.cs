using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Agents.Support;

/// <summary>A small test implementation of <see cref="IMemoryBackend"/>: a list, with word-overlap search.</summary>
public sealed class InMemoryMemoryBackend(string sessionId = "session") : IMemoryBackend
{
    private readonly List<MemoryTurn> _turns = [];
    private long _next;

    public string SessionId { get; } = sessionId;

    public IReadOnlyList<MemoryTurn> Turns { get { lock (_turns) return _turns.ToList(); } }

    public List<string> ColdQueries { get; } = [];

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<MemoryTurn> StoreTurnAsync(string role, string content, DateTimeOffset timestamp, IReadOnlyDictionary<string, object?>? metadata = null, CancellationToken cancellationToken = default)
    {
        lock (_turns)
        {
            var turn = new MemoryTurn($"m{_next}", SessionId, _next, role, content, timestamp, metadata ?? new Dictionary<string, object?>());
            _next++;
            _turns.Add(turn);
            return Task.FromResult(turn);
        }
    }

    public Task<bool> DeleteTurnAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_turns) return Task.FromResult(_turns.RemoveAll(t => t.Id == id) > 0);
    }

    public Task<IReadOnlyList<MemoryTurn>> LoadHotTierAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (_turns) return Task.FromResult<IReadOnlyList<MemoryTurn>>(_turns.AsEnumerable().Reverse().Take(limit).ToList());
    }

    public Task<IReadOnlyList<MemoryTurn>> LoadWarmTierAsync(int window, CancellationToken cancellationToken = default)
    {
        lock (_turns) return Task.FromResult<IReadOnlyList<MemoryTurn>>(_turns.Skip(Math.Max(0, _turns.Count - window)).ToList());
    }

    public Task<IReadOnlyList<ScoredMemoryTurn>> SearchColdAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        var words = query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        lock (_turns)
        {
            ColdQueries.Add(query);
            IReadOnlyList<ScoredMemoryTurn> hits = _turns
                .Select(t => new ScoredMemoryTurn(t, t.Content.ToLowerInvariant().Split(' ').Count(words.Contains) / (double)Math.Max(1, words.Count)))
                .Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Turn.Sequence).Take(k).ToList();
            return Task.FromResult(hits);
        }
    }

    public Task CleanupAsync(CancellationToken cancellationToken = default)
    {
        lock (_turns) _turns.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
