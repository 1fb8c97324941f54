using Kaizen.Agents.Memory.Reembedding;

namespace Kaizen.Agents.Memory;

/// <summary>
/// A session's stored vectors come from another embedder than the one configured (or a re-embed of it was
/// interrupted). Vectors of two models cannot be compared, so the session is not opened; the message names both
/// embedders and the command that re-embeds the store.
/// </summary>
public sealed class EmbedderMismatchException : MemoryStoreException
{
    /// <summary>Creates the exception.</summary>
    public EmbedderMismatchException(string databasePath, string sessionId, string storedEmbedderId, int storedDimensions,
        string configuredEmbedderId, int configuredDimensions, bool reembedInterrupted)
        : base(Describe(databasePath, sessionId, storedEmbedderId, storedDimensions, configuredEmbedderId, configuredDimensions, reembedInterrupted))
    {
        StoredEmbedderId = storedEmbedderId;
        ConfiguredEmbedderId = configuredEmbedderId;
        ReembedCommand = EmbedderNames.ReembedCommand(databasePath, configuredEmbedderId);
    }

    /// <summary>The embedder the session's vectors were stored with (or are being converted to, after an interruption).</summary>
    public string StoredEmbedderId { get; }

    /// <summary>The embedder of the backend that tried to open the session.</summary>
    public string ConfiguredEmbedderId { get; }

    /// <summary>The command line that re-embeds the store with the configured embedder.</summary>
    public string ReembedCommand { get; }

    private static string Describe(string path, string session, string stored, int storedDimensions, string configured,
        int configuredDimensions, bool interrupted)
    {
        string Dims(int d) => d > 0 ? $", {d} dimensions" : "";
        var fix = $"Re-embed the store with '{configured}': {EmbedderNames.ReembedCommand(path, configured)} " +
                  $"(or open it with the embedder '{stored}': {EmbedderNames.ForId(stored)}).";
        return interrupted
            ? $"Memory session '{session}' in '{path}' is half-way through a re-embed to '{stored}'{Dims(storedDimensions)}, " +
              $"so its vectors mix two embedders and this backend's embedder '{configured}'{Dims(configuredDimensions)} cannot use it. " +
              $"Finish the re-embed: {EmbedderNames.ReembedCommand(path, stored)} (it resumes where it stopped)."
            : $"Memory session '{session}' in '{path}' was embedded with '{stored}'{Dims(storedDimensions)}, " +
              $"but this backend uses '{configured}'{Dims(configuredDimensions)}; vectors of two embedders cannot be compared. " + fix;
    }
}
