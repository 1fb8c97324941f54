namespace Kaizen.Agents.Tools.Approval;

/// <summary>What the <see cref="ApprovalPolicy"/> does with a call at a given danger level.</summary>
public enum ApprovalAction
{
    /// <summary>Run without asking.</summary>
    Run,
    /// <summary>Ask the <see cref="IApprovalHandler"/> first.</summary>
    Ask,
    /// <summary>Refuse; the tool never runs.</summary>
    Reject,
}
