using System.Collections.Concurrent;

namespace Kaizen.Agents.Tools.Approval;

/// <summary>An <see cref="IApprovalStore"/> in memory: survives a paused run, not a process restart.</summary>
public sealed class InMemoryApprovalStore(TimeProvider? timeProvider = null) : IApprovalStore
{
    private readonly ConcurrentDictionary<string, ApprovalRecord> _records = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<ApprovalRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_records.TryGetValue(requestId, out var record) ? record : null);

    /// <inheritdoc />
    public ValueTask RecordPendingAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        _records.TryAdd(request.RequestId, new ApprovalRecord(request, ApprovalVerdict.Pending, null, null, null));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DecideAsync(string requestId, bool approved, string decider, string? reason = null, CancellationToken cancellationToken = default)
    {
        if (!_records.TryGetValue(requestId, out var record))
            throw new KeyNotFoundException($"No approval request '{requestId}' is recorded; pending ids come from ListPendingAsync.");
        _records[requestId] = record.Decided(approved, decider, reason, _time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<ApprovalRecord>>(
            _records.Values.Where(r => r.Verdict == ApprovalVerdict.Pending).OrderBy(r => r.Request.RequestId, StringComparer.Ordinal).ToList());
}
