using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Memory.Embeddings;

/// <summary>
/// Turns text into L2-normalised vectors with the configured generator. The built-in hashing embedder runs
/// synchronously at write time; any other generator (a model) is deferred: turns are stored without a vector and the
/// next cold search embeds them in batches of <see cref="BatchSize"/>.
/// </summary>
internal sealed class TurnEmbedder
{
    /// <summary>Texts handed to a model generator per call.</summary>
    public const int BatchSize = 64;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly HashingEmbeddingGenerator? _local;

    public TurnEmbedder(IEmbeddingGenerator<string, Embedding<float>>? generator, int localDimensions)
    {
        _generator = generator ?? new HashingEmbeddingGenerator(localDimensions);
        _local = _generator as HashingEmbeddingGenerator;
        var metadata = _generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        ModelId = _local?.ModelId ?? metadata?.DefaultModelId ?? metadata?.ProviderName ?? _generator.GetType().Name;
        Dimensions = _local?.Dimensions ?? metadata?.DefaultModelDimensions ?? 0;
    }

    /// <summary>Recorded with the session and each stored vector; a session stored with another id refuses to open.</summary>
    public string ModelId { get; }

    /// <summary>Vector length when the generator says it up front; 0 when only the first vector tells.</summary>
    public int Dimensions { get; }

    /// <summary>True for the hashing embedder: vectors are computed when a turn is written.</summary>
    public bool EmbedsAtWrite => _local is not null;

    /// <summary>Starts loading a slow-to-load model in the background (no-op for other generators).</summary>
    public void BeginLoading() => (_generator as IPreloadableEmbedder)?.BeginLoading();

    /// <summary>The vector stored with a new turn: computed now by the hashing embedder, empty (embedded later) otherwise.</summary>
    public float[] VectorAtWrite(string text) => _local is not null && text.Length > 0 ? _local.Embed(text) : [];

    public async ValueTask<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return [];
        if (_local is not null) return _local.Embed(text);
        return (await EmbedManyAsync([text], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>One vector per text, in order, asking the generator for at most <see cref="BatchSize"/> texts at a time.</summary>
    public async Task<float[][]> EmbedManyAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            if (_local is not null)
            {
                for (var i = 0; i < batch.Count; i++) vectors[start + i] = _local.Embed(batch[i]);
                continue;
            }

            var embeddings = await _generator.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != batch.Count)
                throw new InvalidOperationException($"The embedding generator '{ModelId}' returned {embeddings.Count} vectors for {batch.Count} texts.");
            for (var i = 0; i < batch.Count; i++) vectors[start + i] = Normalised(embeddings[i].Vector.ToArray());
        }

        return vectors;
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
