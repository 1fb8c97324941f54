using LLama.Native;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Several KV caches (one llama.cpp context each), so conversations that take turns on one client each keep their own
/// cache. Without it, two agents working at once evict each other's conversation on every call and every turn
/// evaluates its whole prompt again. Not thread-safe: the client serializes calls.
/// </summary>
/// <remarks>
/// A prompt goes to the cache that holds the most of it, as long as that is at least half of what the cache holds
/// (the same conversation, or a finished one with the same start); otherwise to an empty cache, or a new one while there
/// is room for one, else to the cache used least recently. Caches are created on first need.
/// </remarks>
internal sealed class KvCachePool : IDisposable
{
    private readonly LocalModelWeights _weights;
    private readonly LocalModelOptions _options;
    private readonly List<KvCacheSession> _sessions = [];
    private readonly Dictionary<KvCacheSession, long> _lastUse = [];
    private long _clock;

    public KvCachePool(LocalModelWeights weights, LocalModelOptions options)
    {
        _weights = weights;
        _options = options;
        _sessions.Add(new KvCacheSession(weights, options));
    }

    /// <summary>Caches created so far.</summary>
    public int Count => _sessions.Count;

    /// <summary>Context window of each cache.</summary>
    public int ContextSize => _sessions[0].ContextSize;

    /// <summary>Tokens held by the cache used last.</summary>
    public int CachedTokenCount => _sessions.MaxBy(s => _lastUse.GetValueOrDefault(s))!.CachedTokenCount;

    public LLamaToken[] Tokenize(string text) => _sessions[0].Tokenize(text);

    /// <summary>The cache <paramref name="prompt"/> should be loaded into (see the remarks on the class).</summary>
    public KvCacheSession For(IReadOnlyList<LLamaToken> prompt)
    {
        var best = _sessions.Select(s => (Session: s, Common: s.CommonPrefix(prompt)))
            .OrderByDescending(c => c.Common).ThenByDescending(c => _lastUse.GetValueOrDefault(c.Session)).First();
        var chosen = best.Common > 0 && best.Common * 2 >= best.Session.CachedTokenCount ? best.Session
            : _sessions.FirstOrDefault(s => s.CachedTokenCount == 0)
              ?? (_sessions.Count < _options.ConversationCaches ? Add() : _sessions.MinBy(s => _lastUse.GetValueOrDefault(s))!);
        _lastUse[chosen] = ++_clock;
        return chosen;
    }

    private KvCacheSession Add()
    {
        var session = new KvCacheSession(_weights, _options);
        _sessions.Add(session);
        return session;
    }

    public void Dispose()
    {
        foreach (var session in _sessions) session.Dispose();
    }
}
