using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Embeddings.MiniLM;

/// <summary>
/// Makes MiniLM the cold tier's embedder. <c>Kaizen.Agents</c> itself has no native dependency and falls back to the
/// hashing embedder; an application that references this package opts in with one call.
/// </summary>
public static class MiniLMMemory
{
    /// <summary>Sets <see cref="MemoryOptions.EmbeddingGenerator"/> to MiniLM and returns the options.</summary>
    public static MemoryOptions UseMiniLM(this MemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EmbeddingGenerator = MiniLMEmbeddingGenerator.Shared;
        return options;
    }

    /// <summary>
    /// The embedder an application should default to: Ollama when <see cref="MemoryEmbedders.ModelVariable"/>
    /// (<c>KAIZEN_EMBEDDING_MODEL</c>) is set, MiniLM otherwise.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> FromEnvironment() =>
        MemoryEmbedders.FromEnvironment(MiniLMEmbeddingGenerator.Shared);
}
