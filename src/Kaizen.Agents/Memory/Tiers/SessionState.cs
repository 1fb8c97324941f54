using Kaizen.Agents.Memory.Caching;
using Kaizen.Agents.Memory.Retrieval;
using Kaizen.Agents.Memory.Storage;

namespace Kaizen.Agents.Memory.Tiers;

/// <summary>
/// What one process knows about one session of one file: its number, newest sequence, promoted turns, hot-tier
/// cache, vector index and tier-move log. Shared by every backend of that session in the process.
/// </summary>
internal sealed class SessionState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, long> _promoted = new(); // sequence -> sequence at promotion ("touch")
    private readonly Queue<TierMove> _moves = new();
    private readonly int _moveCapacity;
    private long _promotions, _demotions, _version;
    private SortedDictionary<long, MemoryTurn>? _warm; // every existing turn of the warm window; null until read once

    public SessionState(string sessionId, MemoryOptions options)
    {
        SessionId = sessionId;
        WarmSize = options.WarmTierSize;
        _moveCapacity = options.TierMoveLogCapacity;
        Hot = new HotTierCache<long, MemoryTurn>(options.HotTierSize, options.HotTierEvictionPolicy, options.HotTierTimeToLive, options.TimeProvider);
    }

    public string SessionId { get; }

    /// <summary>Changes whenever the session's turns change in this process (lets a read know it is still current).</summary>
    public long Version => Interlocked.Read(ref _version);

    public int WarmSize { get; }

    public HotTierCache<long, MemoryTurn> Hot { get; }

    public SemaphoreSlim LoadGate { get; } = new(1, 1);

    public SemaphoreSlim IndexGate { get; } = new(1, 1);

    public VectorIndex? Index { get; set; }

    /// <summary>True once number, newest sequence and promotions were read from the file.</summary>
    public bool Loaded { get; private set; }

    /// <summary>The session's number in the file, -1 while it has never been written.</summary>
    public int Number { get; private set; } = -1;

    /// <summary>Newest stored sequence, -1 when the session is empty.</summary>
    public long LastSequence { get; private set; } = -1;

    /// <summary>The embedder the session's stored vectors come from (null while the session is empty).</summary>
    public string? EmbedderId { get; private set; }

    /// <summary>Their vector length (0 when unknown).</summary>
    public int EmbedderDimensions { get; private set; }

    /// <summary>Set while a re-embed of the session to this embedder is unfinished.</summary>
    public string? ReembedTarget { get; private set; }

    public SessionRecord Snapshot()
    {
        lock (_gate) return new SessionRecord(Number, LastSequence, new Dictionary<long, long>(_promoted), EmbedderId, EmbedderDimensions, ReembedTarget);
    }

    /// <summary>After this process created the session: the embedder it recorded.</summary>
    public void AdoptEmbedderIfUnknown(string embedderId, int dimensions)
    {
        lock (_gate)
        {
            if (EmbedderId is not null) return;
            EmbedderId = embedderId;
            EmbedderDimensions = dimensions;
        }
    }

    /// <summary>Adopts what the file says (first load, or another process wrote since).</summary>
    public void Sync(SessionRecord record)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            if (record.Number != Number || record.LastSequence < LastSequence)
            {
                Hot.Clear(); // the session was deleted or recreated elsewhere
                Index?.Clear();
            }

            _warm = null;
            Number = record.Number;
            LastSequence = record.LastSequence;
            if (record.Number < 0 || record.EmbedderId is not null)
            {
                EmbedderId = record.EmbedderId;
                EmbedderDimensions = record.EmbedderDimensions;
                ReembedTarget = record.ReembedTarget;
            }
            _promoted.Clear();
            foreach (var (sequence, touch) in record.Promoted) _promoted[sequence] = touch;
            Loaded = true;
        }
    }

    /// <summary>The warm window (newest <paramref name="window"/> turns, oldest first) from memory, if it is known.</summary>
    public List<MemoryTurn>? TryGetWarmWindow(int window)
    {
        lock (_gate)
        {
            if (_warm is null || window > WarmSize) return null;
            var first = LastSequence - window + 1;
            var turns = new List<MemoryTurn>(Math.Min(window, _warm.Count));
            foreach (var (sequence, turn) in _warm)
            {
                if (sequence >= first) turns.Add(turn);
            }

            return turns;
        }
    }

    /// <summary>Remembers the warm window read from the file, unless a write changed the session meanwhile.</summary>
    public void FillWarmWindow(IReadOnlyList<MemoryTurn> turns, long versionWhenRead, int window)
    {
        lock (_gate)
        {
            if (_warm is not null || window < WarmSize || versionWhenRead != Version) return;
            _warm = new SortedDictionary<long, MemoryTurn>();
            foreach (var turn in turns)
            {
                if (turn.Sequence > LastSequence - WarmSize) _warm[turn.Sequence] = turn;
            }
        }
    }

    public void Stored(MemoryTurn turn, float[] vector)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            Hot.Set(turn.Sequence, turn);
            if (_warm is not null)
            {
                _warm[turn.Sequence] = turn;
                while (_warm.Count > 0 && _warm.First().Key <= Math.Max(LastSequence, turn.Sequence) - WarmSize) _warm.Remove(_warm.First().Key);
            }

            if (Index is { } index)
            {
                if (vector.Length == 0 && turn.Content.Length > 0) index.MarkPending(turn.Sequence);
                else index.Upsert(turn.Sequence, vector);
                // Only contiguous appends advance it: in shared mode other processes may have written the gap.
                if (turn.Sequence == index.LoadedThrough + 1) index.LoadedThrough = turn.Sequence;
            }

            var previous = LastSequence;
            if (turn.Sequence <= previous) return;
            LastSequence = turn.Sequence;
            for (var leaving = Math.Max(0, previous - WarmSize + 1); leaving <= turn.Sequence - WarmSize; leaving++)
            {
                if (!_promoted.ContainsKey(leaving)) Record(leaving, MemoryTier.Warm, MemoryTier.Cold, TierMoveReason.LeftWarmWindow);
            }

            ExpirePromotions();
        }
    }

    public void Updated(MemoryTurn turn, float[]? vector)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            if (Hot.ContainsKey(turn.Sequence)) Hot.Set(turn.Sequence, turn);
            if (_warm?.ContainsKey(turn.Sequence) == true) _warm[turn.Sequence] = turn;
            if (vector is null || Index is not { } index) return;
            if (vector.Length > 0) index.Upsert(turn.Sequence, vector);
            else if (turn.Content.Length > 0) index.MarkPending(turn.Sequence);
            else index.Remove(turn.Sequence); // empty content never matches
        }
    }

    public void Deleted(long sequence)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            Hot.Remove(sequence);
            Index?.Remove(sequence);
            _promoted.Remove(sequence);
            _warm?.Remove(sequence);
        }
    }

    public void TruncatedAfter(long sequence)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            for (var dropped = sequence + 1; dropped <= LastSequence; dropped++)
            {
                Hot.Remove(dropped);
                Index?.Remove(dropped);
                _promoted.Remove(dropped);
            }

            LastSequence = sequence;
            _warm = null; // the window now reaches back past what was cached
            if (Index is { } index) index.LoadedThrough = Math.Min(index.LoadedThrough, sequence);
        }
    }

    public void Cleared()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _version);
            Hot.Clear();
            Index?.Clear();
            _promoted.Clear();
            _warm = new SortedDictionary<long, MemoryTurn>();
            Number = -1;
            LastSequence = -1;
            EmbedderId = null;
            EmbedderDimensions = 0;
            ReembedTarget = null;
        }
    }

    public void Promoted(IReadOnlyCollection<long> sequences, long touch, TierMoveReason reason, IReadOnlyCollection<long> displaced)
    {
        lock (_gate)
        {
            foreach (var sequence in displaced)
            {
                if (_promoted.Remove(sequence)) Record(sequence, MemoryTier.Warm, MemoryTier.Cold, TierMoveReason.PromotionExpired);
            }

            foreach (var sequence in sequences)
            {
                if (_promoted.TryAdd(sequence, touch)) Record(sequence, MemoryTier.Cold, MemoryTier.Warm, reason);
                else _promoted[sequence] = touch;
            }
        }
    }

    /// <summary>Whether the turn is in the warm set: inside the window or promoted.</summary>
    public bool IsWarm(long sequence)
    {
        lock (_gate) return sequence > LastSequence - WarmSize || _promoted.ContainsKey(sequence);
    }

    /// <summary>Promoted turns older than the newest <paramref name="window"/> turns.</summary>
    public long[] PromotedOutside(int window)
    {
        lock (_gate) return _promoted.Keys.Where(sequence => sequence <= LastSequence - window).Order().ToArray();
    }

    public (long Promotions, long Demotions, int PromotedCount, IReadOnlyList<TierMove> Moves) Moves()
    {
        lock (_gate) return (_promotions, _demotions, _promoted.Count, _moves.ToArray());
    }

    public IReadOnlyList<TierMove> TakeMoves()
    {
        lock (_gate)
        {
            var moves = _moves.ToArray();
            _moves.Clear();
            return moves;
        }
    }

    private void ExpirePromotions()
    {
        if (_promoted.Count == 0) return;
        foreach (var (sequence, touch) in _promoted.ToArray())
        {
            if (touch > LastSequence - WarmSize) continue;
            _promoted.Remove(sequence);
            Record(sequence, MemoryTier.Warm, MemoryTier.Cold, TierMoveReason.PromotionExpired);
        }
    }

    private void Record(long sequence, MemoryTier from, MemoryTier to, TierMoveReason reason)
    {
        if (to == MemoryTier.Cold) _demotions++;
        else _promotions++;
        if (_moveCapacity == 0) return;
        _moves.Enqueue(new TierMove(TurnKey.Format(TurnKey.Compose(Number, sequence)), sequence, from, to, reason));
        while (_moves.Count > _moveCapacity) _moves.Dequeue();
    }
}
