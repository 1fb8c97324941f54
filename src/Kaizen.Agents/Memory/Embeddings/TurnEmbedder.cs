using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Memory.Embeddings;

/// <summary>Turns text into an L2-normalised vector with the configured generator; the local embedder runs synchronously.</summary>
internal sealed class TurnEmbedder
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly HashingEmbeddingGenerator? _local;

    public TurnEmbedder(IEmbeddingGenerator<string, Embedding<float>>? generator, int localDimensions)
    {
        _generator = generator ?? new HashingEmbeddingGenerator(localDimensions);
        _local = _generator as HashingEmbeddingGenerator;
        var metadata = _generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        ModelId = _local?.ModelId ?? metadata?.DefaultModelId ?? metadata?.ProviderName ?? _generator.GetType().Name;
    }

    /// <summary>Recorded with each stored vector, so vectors of another model are re-embedded instead of compared.</summary>
    public string ModelId { get; }

    public ValueTask<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return ValueTask.FromResult(Array.Empty<float>());
        if (_local is not null) return ValueTask.FromResult(_local.Embed(text));
        return EmbedRemoteAsync(text, cancellationToken);
    }

    private async ValueTask<float[]> EmbedRemoteAsync(string text, CancellationToken cancellationToken)
    {
        var embeddings = await _generator.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (embeddings.Count != 1)
            throw new InvalidOperationException($"The embedding generator '{ModelId}' returned {embeddings.Count} vectors for one text.");
        var vector = embeddings[0].Vector.ToArray();
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}
