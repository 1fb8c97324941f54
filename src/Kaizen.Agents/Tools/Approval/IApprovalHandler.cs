namespace Kaizen.Agents.Tools.Approval;

/// <summary>Decides on calls the <see cref="ApprovalPolicy"/> says to ask about.</summary>
public interface IApprovalHandler
{
    /// <summary>Approves, denies or defers (<see cref="ApprovalVerdict.Pending"/>) one call.</summary>
    ValueTask<ApprovalResponse> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken = default);
}
