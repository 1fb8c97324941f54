namespace Kaizen.Agents.Memory;

/// <summary>A turn to store with <see cref="LiteDbMemoryBackend.StoreTurnsAsync"/>.</summary>
/// <param name="Role">Speaker: <c>user</c>, <c>assistant</c>, <c>tool</c> or <c>system</c>.</param>
/// <param name="Content">The turn's text (may be empty).</param>
/// <param name="Timestamp">When the turn happened.</param>
/// <param name="Metadata">Free-form metadata, nested values allowed.</param>
public sealed record NewTurn(string Role, string Content, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?>? Metadata = null);
