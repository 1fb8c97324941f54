using Kaizen.Agents.Memory;

namespace Kaizen.Agents.PostgreSql;

/// <summary>A validated turn waiting for the group commit; <see cref="Done"/> completes once it is durable.</summary>
internal sealed record PendingTurn(
    string SessionId,
    string Role,
    string Content,
    DateTimeOffset Timestamp,
    byte[]? Metadata,
    IReadOnlyDictionary<string, object?> MetadataAsRead,
    byte[]? Embedding,
    string EmbedderId,
    int Dimensions)
{
    public TaskCompletionSource<MemoryTurn> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
