namespace Kaizen.Agents.Tools.Approval;

/// <summary>
/// Approval as an interrupt: the first time a call is asked about, it is recorded as pending and the handler answers
/// <see cref="ApprovalVerdict.Pending"/> (the loop checkpoints and stops). When the same call comes again after a
/// resume, the recorded decision is returned.
/// </summary>
public sealed class StoredApprovalHandler(IApprovalStore store) : IApprovalHandler
{
    private readonly IApprovalStore _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc />
    public async ValueTask<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        var record = await _store.GetAsync(request.RequestId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            await _store.RecordPendingAsync(request, cancellationToken).ConfigureAwait(false);
            return new ApprovalResponse(ApprovalVerdict.Pending, "store", $"approval request '{request.RequestId}' recorded; waiting for a decision");
        }
        return record.Verdict switch
        {
            ApprovalVerdict.Approved => new ApprovalResponse(ApprovalVerdict.Approved, $"store:{record.Decider}", record.Reason),
            ApprovalVerdict.Denied => new ApprovalResponse(ApprovalVerdict.Denied, $"store:{record.Decider}", record.Reason ?? "denied"),
            _ => new ApprovalResponse(ApprovalVerdict.Pending, "store", $"approval request '{request.RequestId}' is still waiting for a decision"),
        };
    }
}
