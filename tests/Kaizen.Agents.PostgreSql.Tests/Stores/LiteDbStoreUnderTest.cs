using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using LiteDB;

namespace Kaizen.Agents.PostgreSql.Tests.Stores;

/// <summary>The embedded default: LiteDB files (checkpoints, memory), a JSON approval file and a JSON Lines audit log in a temp folder.</summary>
public sealed class LiteDbStoreUnderTest : IStoreUnderTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kaizen-store-contract", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _stores = [];
    private readonly List<IAsyncDisposable> _backends = [];

    public LiteDbStoreUnderTest() => Directory.CreateDirectory(_folder);

    public string Location => CheckpointsPath;

    private string CheckpointsPath => Path.Combine(_folder, "checkpoints.db");

    private string AuditPath => Path.Combine(_folder, "audit.jsonl");

    public ICheckpointStore OpenCheckpoints(CheckpointCompression compression = CheckpointCompression.Zstd) =>
        Track(new LiteDbCheckpointStore(CheckpointsPath, compression));

    public Task DamageCheckpointAsync(string checkpointId, Func<byte[], byte[]> damage)
    {
        foreach (var store in _stores) store.Dispose(); // LiteDB files are opened by one engine at a time
        _stores.Clear();
        using var raw = new LiteDatabase(CheckpointsPath);
        var collection = raw.GetCollection("checkpoints");
        var document = collection.FindById(checkpointId);
        document["payload"] = damage(document["payload"].AsBinary);
        collection.Update(document);
        return Task.CompletedTask;
    }

    public IMemoryBackend OpenMemory(string session, MemoryOptions? options = null)
    {
        var backend = new LiteDbMemoryBackend(Path.Combine(_folder, "memory.db"), session, options);
        _backends.Add(backend);
        return backend;
    }

    public IApprovalStore OpenApprovals() => new JsonFileApprovalStore(Path.Combine(_folder, "approvals.json"));

    public IToolAuditLog OpenAudit() => new JsonLinesToolAuditLog(AuditPath);

    public Task<IReadOnlyList<ToolAuditEntry>> ReadAuditAsync() => Task.FromResult(File.Exists(AuditPath) ? JsonLinesToolAuditLog.Read(AuditPath) : []);

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) store.Dispose();
        foreach (var backend in _backends) await backend.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private T Track<T>(T store) where T : IDisposable
    {
        _stores.Add(store);
        return store;
    }
}
