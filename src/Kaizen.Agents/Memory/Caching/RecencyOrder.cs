namespace Kaizen.Agents.Memory.Caching;

/// <summary>LRU (reads move an entry to the front) or FIFO (they do not); the victim is the back.</summary>
internal sealed class RecencyOrder<TKey, TValue>(bool moveOnAccess) : IEvictionOrder<TKey, TValue>
{
    private readonly LinkedList<CacheEntry<TKey, TValue>> _order = new();

    public void Added(CacheEntry<TKey, TValue> entry) => entry.Node = _order.AddFirst(entry);

    public void Accessed(CacheEntry<TKey, TValue> entry)
    {
        if (!moveOnAccess || entry.Node is null || entry.Node == _order.First) return;
        _order.Remove(entry.Node);
        _order.AddFirst(entry.Node);
    }

    public void Removed(CacheEntry<TKey, TValue> entry)
    {
        if (entry.Node is not null) _order.Remove(entry.Node);
        entry.Node = null;
    }

    public CacheEntry<TKey, TValue> Victim() => _order.Last!.Value;

    public void Clear() => _order.Clear();
}
