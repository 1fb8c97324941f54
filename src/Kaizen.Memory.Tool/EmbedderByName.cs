using Kaizen.Agents.Embeddings.MiniLM;
using Kaizen.Agents.Memory.Embeddings;
using Microsoft.Extensions.AI;

namespace Kaizen.Memory.Tool;

/// <summary>The embedders the tool knows by name: <c>minilm</c>, <c>hashing</c>, <c>hashing:N</c>, <c>ollama:MODEL</c>.</summary>
internal static class EmbedderByName
{
    public const string Names = "minilm | hashing | hashing:DIMENSIONS | ollama:MODEL (address from KAIZEN_OLLAMA_URL)";

    public static IEmbeddingGenerator<string, Embedding<float>>? Create(string name)
    {
        if (name.Equals("minilm", StringComparison.OrdinalIgnoreCase)) return MiniLMEmbeddingGenerator.Shared;
        if (name.Equals("hashing", StringComparison.OrdinalIgnoreCase)) return MemoryEmbedders.Local();
        if (name.StartsWith("hashing:", StringComparison.OrdinalIgnoreCase) && int.TryParse(name["hashing:".Length..], out var dimensions) && dimensions >= 8)
            return MemoryEmbedders.Local(dimensions);
        if (name.StartsWith("ollama:", StringComparison.OrdinalIgnoreCase) && name.Length > "ollama:".Length)
        {
            var url = Environment.GetEnvironmentVariable(MemoryEmbedders.OllamaUrlVariable);
            return MemoryEmbedders.Ollama(new Uri(string.IsNullOrWhiteSpace(url) ? "http://127.0.0.1:11434" : url), name["ollama:".Length..]);
        }

        return null;
    }
}
