namespace Kaizen.Agents.Memory.Caching;

/// <summary>LFU in O(1): one recency list per read count; the victim is the least recent of the least read.</summary>
internal sealed class FrequencyOrder<TKey, TValue> : IEvictionOrder<TKey, TValue>
{
    private readonly Dictionary<long, LinkedList<CacheEntry<TKey, TValue>>> _buckets = new();
    private long _minFrequency;

    public void Added(CacheEntry<TKey, TValue> entry)
    {
        entry.Frequency = 1;
        Insert(entry);
        _minFrequency = 1;
    }

    public void Accessed(CacheEntry<TKey, TValue> entry)
    {
        var emptied = Detach(entry);
        if (emptied && _minFrequency == entry.Frequency) _minFrequency = entry.Frequency + 1;
        entry.Frequency++;
        Insert(entry);
    }

    public void Removed(CacheEntry<TKey, TValue> entry)
    {
        if (Detach(entry) && _minFrequency == entry.Frequency)
            _minFrequency = _buckets.Count == 0 ? 0 : _buckets.Keys.Min();
    }

    public CacheEntry<TKey, TValue> Victim() => _buckets[_minFrequency].Last!.Value;

    public void Clear()
    {
        _buckets.Clear();
        _minFrequency = 0;
    }

    private void Insert(CacheEntry<TKey, TValue> entry)
    {
        if (!_buckets.TryGetValue(entry.Frequency, out var bucket))
            _buckets[entry.Frequency] = bucket = new LinkedList<CacheEntry<TKey, TValue>>();
        entry.Node = bucket.AddFirst(entry);
    }

    /// <returns>Whether the entry's bucket became empty (and was dropped).</returns>
    private bool Detach(CacheEntry<TKey, TValue> entry)
    {
        var bucket = _buckets[entry.Frequency];
        bucket.Remove(entry.Node!);
        entry.Node = null;
        if (bucket.Count > 0) return false;
        _buckets.Remove(entry.Frequency);
        return true;
    }
}
