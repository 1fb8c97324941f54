namespace Kaizen.Agents.Memory.Caching;

internal sealed class CacheEntry<TKey, TValue>(TKey key, TValue value, DateTimeOffset? expiresAt)
{
    public TKey Key { get; } = key;
    public TValue Value { get; set; } = value;
    public DateTimeOffset? ExpiresAt { get; set; } = expiresAt;
    public long Frequency { get; set; }
    public LinkedListNode<CacheEntry<TKey, TValue>>? Node { get; set; }
}
