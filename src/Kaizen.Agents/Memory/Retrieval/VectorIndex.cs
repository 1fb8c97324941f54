using System.Numerics.Tensors;

namespace Kaizen.Agents.Memory.Retrieval;

/// <summary>
/// A session's turn vectors in one contiguous array, searched by brute-force dot product with
/// <see cref="TensorPrimitives"/> (vectors are L2-normalised, so the dot product is the cosine similarity).
/// </summary>
internal sealed class VectorIndex(int dimensions, string modelId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, int> _slots = new();
    private readonly HashSet<long> _pending = new(); // turns stored without a vector (deferred embedder), embedded by the next search
    private float[] _vectors = new float[dimensions * 256];
    private long[] _sequences = new long[256];
    private int _count;

    public int Dimensions { get; } = dimensions;

    public string ModelId { get; } = modelId;

    /// <summary>Highest sequence loaded from the file (lets a shared-file index catch up with other processes).</summary>
    public long LoadedThrough { get; set; } = -1;

    /// <summary>True once the stored vectors were loaded; until then searches wait for the build.</summary>
    public bool IsComplete { get; set; }

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    public void Upsert(long sequence, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions) return; // produced by another embedder; the index is rebuilt when that matters
        lock (_gate)
        {
            if (!_slots.TryGetValue(sequence, out var slot))
            {
                slot = _count++;
                Grow();
                _slots[sequence] = slot;
                _sequences[slot] = sequence;
            }

            var target = _vectors.AsSpan(slot * Dimensions, Dimensions);
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0) TensorPrimitives.Divide(vector, norm, target);
            else target.Clear();
        }
    }

    /// <summary>True when turns wait to be embedded before the next search.</summary>
    public bool HasPending
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    /// <summary>A turn stored or changed without a vector: its old vector (if any) goes, the next search embeds it.</summary>
    public void MarkPending(long sequence)
    {
        lock (_gate)
        {
            RemoveSlot(sequence);
            _pending.Add(sequence);
        }
    }

    /// <summary>The turns waiting for a vector, oldest first, clearing the list.</summary>
    public long[] TakePending()
    {
        lock (_gate)
        {
            var pending = _pending.Order().ToArray();
            _pending.Clear();
            return pending;
        }
    }

    public void Remove(long sequence)
    {
        lock (_gate)
        {
            _pending.Remove(sequence);
            RemoveSlot(sequence);
        }
    }

    private void RemoveSlot(long sequence)
    {
        if (!_slots.Remove(sequence, out var slot)) return;
        var last = --_count;
        if (slot == last) return;
        _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
        _sequences[slot] = _sequences[last];
        _slots[_sequences[slot]] = slot;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _slots.Clear();
            _pending.Clear();
            _count = 0;
            LoadedThrough = -1;
        }
    }

    /// <summary>The <paramref name="k"/> best matches (sequence, cosine), best first; turns with a zero vector never match.</summary>
    public List<(long Sequence, float Score)> Search(ReadOnlySpan<float> query, int k, Func<long, bool>? include)
    {
        var best = new PriorityQueue<(long Sequence, float Score), (float Score, long Sequence)>(k + 1);
        lock (_gate)
        {
            for (var slot = 0; slot < _count; slot++)
            {
                var vector = _vectors.AsSpan(slot * Dimensions, Dimensions);
                var score = TensorPrimitives.Dot(vector, query);
                if (score == 0 && TensorPrimitives.MaxMagnitude(vector) == 0) continue;
                if (best.Count == k && !(score > best.Peek().Score)) continue;
                var sequence = _sequences[slot];
                if (include is not null && !include(sequence)) continue;
                best.Enqueue((sequence, score), (score, sequence));
                if (best.Count > k) best.Dequeue();
            }
        }

        var result = new List<(long, float)>(best.Count);
        while (best.Count > 0) result.Add(best.Dequeue());
        result.Reverse();
        return result;
    }

    private void Grow()
    {
        if (_count <= _sequences.Length) return;
        Array.Resize(ref _sequences, _sequences.Length * 2);
        Array.Resize(ref _vectors, _sequences.Length * Dimensions);
    }
}
