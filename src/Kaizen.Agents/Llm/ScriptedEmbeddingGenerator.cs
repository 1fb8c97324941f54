using System.Text;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Llm;

/// <summary>
/// Deterministic, cost-free embeddings for tests: a hashed bag of words and character trigrams (FNV-1a, stable
/// across processes), L2-normalized. Texts sharing words land close together, so similarity search behaves
/// plausibly; it is not a semantic model.
/// </summary>
public sealed class ScriptedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Creates a generator producing vectors of <paramref name="dimensions"/> floats.</summary>
    public ScriptedEmbeddingGenerator(int dimensions = 256, string modelId = "scripted-embed")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Dimensions = dimensions;
        ModelId = modelId;
    }

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>The model id reported in metadata and embeddings.</summary>
    public string ModelId { get; }

    /// <summary>How many texts have been embedded.</summary>
    public int EmbeddedCount { get; private set; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var texts = values.ToList();
        EmbeddedCount += texts.Count;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t)) { ModelId = ModelId }))
        {
            Usage = new UsageDetails { InputTokenCount = texts.Sum(ScriptedTokenCounter.Count), TotalTokenCount = texts.Sum(ScriptedTokenCounter.Count) },
        };
        return Task.FromResult(result);
    }

    /// <summary>The vector for one text.</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var lower = text.ToLowerInvariant();
        foreach (var word in lower.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            Add(vector, word, 1f);
            var padded = $" {word} ";
            for (var i = 0; i + 3 <= padded.Length; i++) Add(vector, padded.Substring(i, 3), 0.25f);
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("scripted", null, ModelId, Dimensions)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose() { }

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '{', '}', '/', '-'];

    private void Add(float[] vector, string feature, float weight)
    {
        var hash = Fnv1a(feature);
        // The top bit picks the sign so unrelated features cancel out on average instead of piling up.
        vector[(int)(hash % (uint)Dimensions)] += (hash & 0x8000_0000) == 0 ? weight : -weight;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
