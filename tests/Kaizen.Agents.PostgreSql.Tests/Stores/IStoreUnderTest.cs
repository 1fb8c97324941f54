using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;

namespace Kaizen.Agents.PostgreSql.Tests.Stores;

/// <summary>
/// One storage technology as the contract suite sees it. "Reopen" means what a restart means for that store: a new
/// store object (and for PostgreSQL a new connection pool) on the same file or database.
/// </summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    /// <summary>Where the data lives, as the store's errors name it (a file path, or host:port/database).</summary>
    string Location { get; }

    ICheckpointStore OpenCheckpoints(CheckpointCompression compression = CheckpointCompression.Zstd);

    /// <summary>Rewrites a stored checkpoint's payload bytes behind the store's back (a damaged disk or row).</summary>
    Task DamageCheckpointAsync(string checkpointId, Func<byte[], byte[]> damage);

    IMemoryBackend OpenMemory(string session, MemoryOptions? options = null);

    IApprovalStore OpenApprovals();

    IToolAuditLog OpenAudit();

    Task<IReadOnlyList<ToolAuditEntry>> ReadAuditAsync();
}
