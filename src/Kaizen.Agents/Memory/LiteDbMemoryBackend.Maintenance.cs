using Kaizen.Agents.Memory.Storage;
using Kaizen.Agents.Memory.Storage.Writes;
using Kaizen.Agents.Memory.Tiers;

namespace Kaizen.Agents.Memory;

public sealed partial class LiteDbMemoryBackend
{
    /// <summary>
    /// Changes a stored turn: new content (re-embedded) and/or new metadata (an empty dictionary removes it).
    /// Returns the updated turn, or <c>null</c> when this session has no turn with that id.
    /// </summary>
    public async Task<MemoryTurn?> UpdateTurnAsync(
        string id,
        string? content = null,
        IReadOnlyDictionary<string, object?>? metadata = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (content is null && metadata is null) throw new ArgumentException("Nothing to update: pass new content, new metadata, or both.");
        if (content is not null && System.Text.Encoding.UTF8.GetByteCount(content) > Options.MaxContentBytes)
            throw new ArgumentException($"The new content exceeds MemoryOptions.MaxContentBytes ({Options.MaxContentBytes:N0} bytes).", nameof(content));
        var metadataBson = metadata is null ? null : MetadataBson.ToBson(metadata);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (!TurnKey.TryParse(id, out var key)) return null;
        var vector = content is null ? null : _embedder.VectorAtWrite(content); // empty: embedded by the next search
        return await Opened.Writer.EnqueueAsync(new UpdateTurnWrite(Session, key, content, vector, _embedder.ModelId, metadataBson), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one turn of this session; false when this session has no turn with that id. Its number is not given to another turn.</summary>
    public async Task<bool> DeleteTurnAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (!TurnKey.TryParse(id, out var key)) return false;
        return await Opened.Writer.EnqueueAsync(new DeleteTurnWrite(Session, key), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes every turn after <paramref name="sequence"/> (use -1 for all): rewinds the session to a checkpoint's
    /// memory cursor so a resumed run does not store its turns twice; the next turn is numbered <c>sequence + 1</c>.
    /// Returns how many turns were deleted.
    /// </summary>
    public async Task<int> DeleteTurnsAfterAsync(long sequence, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, -1);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Opened.Writer.EnqueueAsync(new DeleteAfterWrite(Session, sequence), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every turn of this session and the session itself; returns how many turns were deleted. Other sessions are untouched.</summary>
    public async Task<int> DeleteSessionAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await Opened.Writer.EnqueueAsync(new DeleteSessionWrite(Session), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task CleanupAsync(CancellationToken cancellationToken = default) => DeleteSessionAsync(cancellationToken);

    /// <summary>Where the session's turns are and what moved between tiers (moves seen by this process).</summary>
    public async Task<MemoryTierSummary> GetTierSummaryAsync(CancellationToken cancellationToken = default)
    {
        var total = await CountTurnsAsync(cancellationToken).ConfigureAwait(false);
        var session = Session;
        var (promotions, demotions, promotedCount, moves) = session.Moves();
        var window = Math.Min(total, Math.Min(session.WarmSize, session.LastSequence + 1));
        var warm = (int)Math.Min(total, window + session.PromotedOutside(session.WarmSize).Length);
        var hot = session.Hot.GetStatistics();
        _ = promotedCount;
        return new MemoryTierSummary(total, hot.Count, warm, total - warm, promotions, demotions, moves, hot);
    }

    /// <summary>The tier moves recorded since the last call (oldest first), clearing the log.</summary>
    public IReadOnlyList<TierMove> TakeTierMoves() => _session?.TakeMoves() ?? [];
}
