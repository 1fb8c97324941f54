namespace Kaizen.Agents.Memory.Reembedding;

/// <summary>
/// The names the re-embed command accepts for an embedder, and the command line that converts a store:
/// <c>minilm</c> (all-MiniLM-L6-v2), <c>hashing</c> or <c>hashing:N</c> (the built-in embedder with N dimensions),
/// <c>ollama:MODEL</c>.
/// </summary>
public static class EmbedderNames
{
    /// <summary>Model id the MiniLM embedder records.</summary>
    public const string MiniLMId = "all-MiniLM-L6-v2";

    private const string HashingPrefix = "kaizen-hashing-";

    /// <summary>The command-line name of the embedder that records <paramref name="embedderId"/>.</summary>
    public static string ForId(string embedderId)
    {
        ArgumentNullException.ThrowIfNull(embedderId);
        if (embedderId == MiniLMId) return "minilm";
        if (embedderId.StartsWith(HashingPrefix, StringComparison.Ordinal))
            return embedderId == HashingPrefix + "256" ? "hashing" : "hashing:" + embedderId[HashingPrefix.Length..];
        return "ollama:" + embedderId;
    }

    /// <summary>The command that re-embeds every session of <paramref name="databasePath"/> with <paramref name="embedderId"/>.</summary>
    public static string ReembedCommand(string databasePath, string embedderId) =>
        $"dotnet run --project src/Kaizen.Memory.Tool -- reembed --file \"{databasePath}\" --embedder {ForId(embedderId)}";
}
