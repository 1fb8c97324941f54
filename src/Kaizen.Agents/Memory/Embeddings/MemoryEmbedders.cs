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

    /// <summary>The built-in deterministic hashing embedder (no model, no dependency; matches shared words, not meaning).</summary>
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
    /// otherwise the local hashing embedder.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> FromEnvironment(int localDimensions = 256) =>
        FromEnvironment(Local(localDimensions));

    /// <summary>
    /// Ollama when <see cref="ModelVariable"/> is set, otherwise <paramref name="fallback"/> (e.g. the MiniLM
    /// embedder of <c>Kaizen.Agents.Embeddings.MiniLM</c>).
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>> FromEnvironment(IEmbeddingGenerator<string, Embedding<float>> fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var model = Environment.GetEnvironmentVariable(ModelVariable);
        if (string.IsNullOrWhiteSpace(model)) return fallback;
        var url = Environment.GetEnvironmentVariable(OllamaUrlVariable);
        return Ollama(new Uri(string.IsNullOrWhiteSpace(url) ? "http://127.0.0.1:11434" : url), model);
    }
}
