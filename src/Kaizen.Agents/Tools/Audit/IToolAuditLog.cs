namespace Kaizen.Agents.Tools.Audit;

/// <summary>Receives every decision the <see cref="ToolExecutor"/> makes.</summary>
public interface IToolAuditLog
{
    /// <summary>Appends one entry.</summary>
    ValueTask AppendAsync(ToolAuditEntry entry, CancellationToken cancellationToken = default);
}
