namespace Kaizen.Agents.Tools.Audit;

/// <summary>An audit log kept in memory (tests, short runs).</summary>
public sealed class InMemoryToolAuditLog : IToolAuditLog
{
    private readonly List<ToolAuditEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>A snapshot of the entries, oldest first.</summary>
    public IReadOnlyList<ToolAuditEntry> Entries
    {
        get { lock (_lock) return _entries.ToList(); }
    }

    /// <inheritdoc />
    public ValueTask AppendAsync(ToolAuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_lock) _entries.Add(entry);
        return ValueTask.CompletedTask;
    }
}
