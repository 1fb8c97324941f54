using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Kaizen.Agents.Memory.Embeddings;

/// <summary>Ready-made embedding generators for <see cref="MemoryOptions.EmbeddingGenerator"/>.</summary>
public static class MemoryEmbedders
{
    /// <summary>Environment variable naming an Ollama embedding model (e.g. <c>nomic-embed-text</c>); unset means the local embedder.</summary>
    public const string ModelVariable = "KAIZEN_EMBEDDING_MODEL";

    /// <summary>Environment variable with the Ollama base address; default <c>http://127.0.0.1:11434</c>.</summary>
    public const string OllamaUrlVariable = "KAIZEN_OLLAMA_URL";

    /// <summary>The built-in deterministic hashing embedder.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Local(int dimensions = 256) => new HashingEmbeddingGenerator(dimensions);

    /// <summary>An Ollama embedding model through OllamaSharp, e.g. <c>nomic-embed-text</c> (run <c>ollama pull nomic-embed-text</c> first).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Ollama(Uri endpoint, string model = "nomic-embed-text")
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return new OllamaApiClient(endpoint, model);
    }

    /// <summary>
    /// Ollama when <see cref="ModelVariable"/> is set (at <see cref="OllamaUrlVariable"/> or the default address),
    /// otherwise the local embedder.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> FromEnvironment(int localDimensions = 256)
    {
        var model = Environment.GetEnvironmentVariable(ModelVariable);
        if (string.IsNullOrWhiteSpace(model)) return Local(localDimensions);
        var url = Environment.GetEnvironmentVariable(OllamaUrlVariable);
        return Ollama(new Uri(string.IsNullOrWhiteSpace(url) ? "http://127.0.0.1:11434" : url), model);
    }
}
