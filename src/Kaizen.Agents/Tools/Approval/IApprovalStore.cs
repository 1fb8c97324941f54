namespace Kaizen.Agents.Tools.Approval;

/// <summary>
/// Approvals that outlive a run: the <see cref="StoredApprovalHandler"/> records a pending request here, the run stops
/// with a checkpoint, a person approves or denies it (e.g. from another process), and the resumed run proceeds.
/// </summary>
public interface IApprovalStore
{
    /// <summary>The record for a request, or null if it was never seen.</summary>
    ValueTask<ApprovalRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Records a request as pending (no-op if it is already recorded).</summary>
    ValueTask RecordPendingAsync(ApprovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records a decision for a request. Throws <see cref="KeyNotFoundException"/> for an unknown id.</summary>
    ValueTask DecideAsync(string requestId, bool approved, string decider, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>All requests still waiting for a decision.</summary>
    ValueTask<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken = default);
}

/// <summary>A stored approval request and its state.</summary>
/// <param name="Request">The request.</param>
/// <param name="Verdict">Pending until decided.</param>
/// <param name="Decider">Who decided (null while pending).</param>
/// <param name="Reason">Why (optional).</param>
/// <param name="DecidedAt">When (null while pending).</param>
public sealed record ApprovalRecord(ApprovalRequest Request, ApprovalVerdict Verdict, string? Decider, string? Reason, DateTimeOffset? DecidedAt)
{
    /// <summary>The record once decided.</summary>
    public ApprovalRecord Decided(bool approved, string decider, string? reason, DateTimeOffset at) => this with
    {
        Verdict = approved ? ApprovalVerdict.Approved : ApprovalVerdict.Denied,
        Decider = decider,
        Reason = reason,
        DecidedAt = at,
    };
}
