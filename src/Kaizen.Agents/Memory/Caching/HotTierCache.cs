namespace Kaizen.Agents.Memory.Caching;

/// <summary>
/// A thread-safe in-process cache with a capacity, an eviction policy (LRU, LFU, FIFO), an optional time to live
/// measured with a <see cref="TimeProvider"/>, and hit/miss statistics. The memory hot tier keeps turns in one.
/// </summary>
/// <typeparam name="TKey">Entry key.</typeparam>
/// <typeparam name="TValue">Cached value.</typeparam>
public sealed class HotTierCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, CacheEntry<TKey, TValue>> _entries;
    private readonly IEvictionOrder<TKey, TValue> _order;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long _hits, _misses, _evictions, _expirations;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">Most entries kept; at least 1.</param>
    /// <param name="policy">Which entry is dropped when a new one does not fit.</param>
    /// <param name="timeToLive">How long an entry lives after it was set; <c>null</c> for no expiry.</param>
    /// <param name="timeProvider">Clock for expiry; <see cref="TimeProvider.System"/> when <c>null</c>.</param>
    public HotTierCache(int capacity, EvictionPolicy policy = EvictionPolicy.Lru, TimeSpan? timeToLive = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), "Time to live must be positive or null.");
        Capacity = capacity;
        Policy = policy;
        TimeToLive = timeToLive;
        _time = timeProvider ?? TimeProvider.System;
        _order = IEvictionOrder<TKey, TValue>.For(policy);
        _entries = new Dictionary<TKey, CacheEntry<TKey, TValue>>(capacity);
    }

    /// <summary>Most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>The eviction policy.</summary>
    public EvictionPolicy Policy { get; }

    /// <summary>Entry lifetime, or <c>null</c> for none.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <summary>Entries currently cached (expired entries count until they are next touched).</summary>
    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>Looks an entry up, counting a hit or a miss; an expired entry is removed and counts as a miss.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (!IsExpired(entry))
                {
                    _hits++;
                    _order.Accessed(entry);
                    value = entry.Value;
                    return true;
                }

                RemoveEntry(entry);
                _expirations++;
            }

            _misses++;
            value = default!;
            return false;
        }
    }

    /// <summary>Whether a live entry exists, without counting a hit or miss or changing the eviction order.</summary>
    public bool ContainsKey(TKey key)
    {
        lock (_gate) return _entries.TryGetValue(key, out var entry) && !IsExpired(entry);
    }

    /// <summary>Adds or replaces an entry, evicting one entry by policy when the cache is full.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            var expiresAt = TimeToLive is { } ttl ? _time.GetUtcNow() + ttl : (DateTimeOffset?)null;
            if (_entries.TryGetValue(key, out var existing))
            {
                existing.Value = value;
                existing.ExpiresAt = expiresAt;
                _order.Accessed(existing);
                return;
            }

            if (_entries.Count >= Capacity)
            {
                RemoveEntry(_order.Victim());
                _evictions++;
            }

            var entry = new CacheEntry<TKey, TValue>(key, value, expiresAt);
            _entries[key] = entry;
            _order.Added(entry);
        }
    }

    /// <summary>Removes an entry if present.</summary>
    public bool Remove(TKey key)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return false;
            RemoveEntry(entry);
            return true;
        }
    }

    /// <summary>Removes every entry; statistics are kept.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _order.Clear();
        }
    }

    /// <summary>Counters so far.</summary>
    public CacheStatistics GetStatistics()
    {
        lock (_gate) return new CacheStatistics(_hits, _misses, _evictions, _expirations, _entries.Count, Capacity);
    }

    private bool IsExpired(CacheEntry<TKey, TValue> entry) => entry.ExpiresAt is { } at && _time.GetUtcNow() >= at;

    private void RemoveEntry(CacheEntry<TKey, TValue> entry)
    {
        _entries.Remove(entry.Key);
        _order.Removed(entry);
    }
}
