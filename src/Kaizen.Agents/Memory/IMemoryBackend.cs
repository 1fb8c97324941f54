namespace Kaizen.Agents.Memory;

/// <summary>
/// Durable store of an agent session's conversation turns, read back in three tiers:
/// hot (the newest few), warm (a sliding window) and cold (everything, searched by meaning).
/// </summary>
public interface IMemoryBackend : IAsyncDisposable
{
    /// <summary>The session whose turns this backend reads and writes.</summary>
    string SessionId { get; }

    /// <summary>Opens or creates the store. Safe to call more than once; other members call it lazily.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores one turn durably and returns it with its assigned id and sequence number.</summary>
    Task<MemoryTurn> StoreTurnAsync(
        string role,
        string content,
        DateTimeOffset timestamp,
        IReadOnlyDictionary<string, object?>? metadata = null,
        CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> turns, newest first.</summary>
    Task<IReadOnlyList<MemoryTurn>> LoadHotTierAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The last <paramref name="window"/> turns in conversation order (oldest first). Implementations with promotion
    /// also include older turns currently promoted into the warm set, in sequence order.
    /// </summary>
    Task<IReadOnlyList<MemoryTurn>> LoadWarmTierAsync(int window, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="k"/> stored turns most similar to <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<ScoredMemoryTurn>> SearchColdAsync(string query, int k, CancellationToken cancellationToken = default);

    /// <summary>Deletes every turn of this session.</summary>
    Task CleanupAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one turn of this session; false when it has no turn <paramref name="id"/>. A backend that cannot delete
    /// single turns throws <see cref="NotSupportedException"/> (the default).
    /// </summary>
    Task<bool> DeleteTurnAsync(string id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} cannot delete single turns.");
}

/// <summary>One stored conversation turn.</summary>
/// <param name="Id">Store-assigned identifier.</param>
/// <param name="SessionId">The session the turn belongs to.</param>
/// <param name="Sequence">Position in the session, starting at 0 and increasing by one per stored turn.</param>
/// <param name="Role">Speaker: <c>user</c>, <c>assistant</c>, <c>tool</c> or <c>system</c>.</param>
/// <param name="Content">The turn's text.</param>
/// <param name="Timestamp">When the turn happened.</param>
/// <param name="Metadata">Free-form metadata, nested values allowed.</param>
public sealed record MemoryTurn(
    string Id,
    string SessionId,
    long Sequence,
    string Role,
    string Content,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, object?> Metadata);

/// <summary>A turn returned by a similarity search with its score (cosine similarity, higher is closer).</summary>
/// <param name="Turn">The matching turn.</param>
/// <param name="Score">Similarity in [-1, 1].</param>
public sealed record ScoredMemoryTurn(MemoryTurn Turn, double Score);
