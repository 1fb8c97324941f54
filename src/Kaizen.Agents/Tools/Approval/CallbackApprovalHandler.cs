namespace Kaizen.Agents.Tools.Approval;

/// <summary>Approval by a delegate (a UI, a rule, a test).</summary>
public sealed class CallbackApprovalHandler : IApprovalHandler
{
    private readonly Func<ApprovalRequest, CancellationToken, ValueTask<ApprovalResponse>> _decide;

    /// <summary>Uses a full asynchronous decision.</summary>
    public CallbackApprovalHandler(Func<ApprovalRequest, CancellationToken, ValueTask<ApprovalResponse>> decide) =>
        _decide = decide ?? throw new ArgumentNullException(nameof(decide));

    /// <summary>Uses a yes/no predicate; the decider is recorded as <paramref name="deciderName"/>.</summary>
    public CallbackApprovalHandler(Func<ApprovalRequest, bool> approve, string deciderName = "callback")
    {
        ArgumentNullException.ThrowIfNull(approve);
        _decide = (request, _) => ValueTask.FromResult(approve(request)
            ? new ApprovalResponse(ApprovalVerdict.Approved, deciderName)
            : new ApprovalResponse(ApprovalVerdict.Denied, deciderName, "denied by callback"));
    }

    /// <inheritdoc />
    public ValueTask<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default) =>
        _decide(request, cancellationToken);
}
