using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Memory.Embeddings;

/// <summary>
/// A deterministic local embedder that needs no model: lower-cased words and character n-grams (3 and 4 letters of
/// each word, with word boundaries) are hashed (FNV-1a) into a fixed number of signed buckets and the vector is
/// L2-normalised. Texts that share words or word parts score high under cosine similarity; the same text gives the
/// same vector in every process and on every machine. It is the dependency-free embedder of the library: the cold tier's
/// fallback when no model is configured, and the <c>scripted</c> provider's embedder in tests. It is not a semantic model:
/// a paraphrase that shares no words with a text does not land near it.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const float WordWeight = 1.0f;
    private const float NGramWeight = 0.35f;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly uint _bucketMask; // Dimensions - 1 when a power of two (the same bucket as %, without a division), else 0

    /// <summary>Creates the embedder.</summary>
    /// <param name="dimensions">Vector length, at least 8. Default 256.</param>
    public HashingEmbeddingGenerator(int dimensions = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Dimensions = dimensions;
        _bucketMask = uint.IsPow2((uint)dimensions) ? (uint)dimensions - 1 : 0;
        _metadata = new EmbeddingGeneratorMetadata("kaizen-hashing", providerUri: null, ModelId, dimensions);
    }

    /// <summary>Model id recorded with stored vectors.</summary>
    public string ModelId => $"kaizen-hashing-{Dimensions}";

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>How many texts this instance has embedded (tests use it to see what was embedded when).</summary>
    public long EmbeddedCount => Interlocked.Read(ref _embeddedCount);

    private long _embeddedCount;

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        long tokens = 0;
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId, CreatedAt = null });
            tokens += (value.Length + 3) / 4; // one token per started 4 characters, as the scripted model counts
        }

        result.Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens };
        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously. Empty or symbol-only text gives the zero vector.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Interlocked.Increment(ref _embeddedCount);
        var vector = new float[Dimensions];
        Span<char> word = stackalloc char[64];
        var length = 0;
        var longWord = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (length < word.Length) word[length] = lower;
                else longWord.Append(lower);
                length++;
                continue;
            }

            AddWord(vector, word, length, longWord);
            length = 0;
            longWord.Clear();
        }

        AddWord(vector, word, length, longWord);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata)) return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void AddWord(float[] vector, Span<char> buffer, int length, System.Text.StringBuilder overflow)
    {
        if (length == 0) return;
        ReadOnlySpan<char> word = length <= buffer.Length ? buffer[..length] : (buffer.ToString() + overflow).AsSpan();
        Add(vector, Fnv1a(word, seed: 0x811C9DC5u), WordWeight);

        // Character n-grams of "<word>" so that shared stems and word parts also match.
        Span<char> bounded = stackalloc char[Math.Min(word.Length, 62) + 2];
        bounded[0] = '<';
        word[..(bounded.Length - 2)].CopyTo(bounded[1..]);
        bounded[^1] = '>';
        for (var n = 3; n <= 4; n++)
        {
            for (var start = 0; start + n <= bounded.Length; start++)
                Add(vector, Fnv1a(bounded.Slice(start, n), seed: 0x01000193u * (uint)n), NGramWeight);
        }
    }

    private void Add(float[] vector, uint hash, float weight)
    {
        var bucket = (int)(_bucketMask != 0 ? hash & _bucketMask : hash % (uint)Dimensions);
        vector[bucket] += (hash & 0x8000_0000u) == 0 ? weight : -weight;
    }

    private static uint Fnv1a(ReadOnlySpan<char> text, uint seed)
    {
        var hash = seed;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        hash ^= hash >> 15; // spread the high bit, which carries the sign
        return hash;
    }
}
