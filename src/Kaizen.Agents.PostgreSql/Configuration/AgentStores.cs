using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// The stores an agent needs, built from one setting (<see cref="AgentStoreOptions.Store"/> or <c>KAIZEN_STORE</c>):
/// LiteDB files by default, PostgreSQL when a connection string is given. Dispose it after the agents using it.
/// </summary>
/// <example><code>
/// await using var stores = AgentStores.Open(AgentStoreOptions.FromEnvironment());
/// using var agent = new AutonomousAgent(config, services: new AgentServices
/// {
///     CheckpointStore = stores.CreateCheckpointStore(),
///     Memory = stores.CreateMemory("support-bot"),
/// });
/// </code></example>
public sealed class AgentStores : IAsyncDisposable
{
    private readonly PostgresDatabase? _database;
    private readonly string _dataFolder;

    private AgentStores(PostgresDatabase? database, string dataFolder)
    {
        _database = database;
        _dataFolder = dataFolder;
    }

    /// <summary>True when the stores are PostgreSQL.</summary>
    public bool IsPostgres => _database is not null;

    /// <summary>What the stores are, for logs: the LiteDB folder or the PostgreSQL location (never a password).</summary>
    public string Description => _database is { } database ? $"PostgreSQL {database.Location}" : $"LiteDB in '{_dataFolder}'";

    /// <summary>Opens the stores the options select; nothing is connected or created before first use.</summary>
    /// <exception cref="ArgumentException">The setting is neither <c>litedb</c> nor a well-formed PostgreSQL connection string.</exception>
    public static AgentStores Open(AgentStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = options.Store?.Trim();
        if (string.IsNullOrEmpty(store) || string.Equals(store, "litedb", StringComparison.OrdinalIgnoreCase))
            return new AgentStores(null, Path.GetFullPath(options.DataFolder));
        var connectionString = ConnectionStrings.ToKeyValue(store);
        return new AgentStores(PostgresDatabase.Open(connectionString, options.Schema), Path.GetFullPath(options.DataFolder));
    }

    /// <summary>The checkpoint store (LiteDB: <c>checkpoints.db</c> in the data folder).</summary>
    public ICheckpointStore CreateCheckpointStore(CheckpointCompression compression = CheckpointCompression.Auto, TimeProvider? timeProvider = null) =>
        _database is { } database
            ? new PostgresCheckpointStore(database, compression, timeProvider)
            : new LiteDbCheckpointStore(Path.Combine(_dataFolder, "checkpoints.db"), compression, timeProvider);

    /// <summary>Memory of one session (LiteDB: <c>memory.db</c> in the data folder, shared by its sessions).</summary>
    public IMemoryBackend CreateMemory(string sessionId, MemoryOptions? options = null) =>
        _database is { } database
            ? new PostgresMemoryBackend(database, sessionId, options)
            : new LiteDbMemoryBackend(Path.Combine(_dataFolder, "memory.db"), sessionId, options);

    /// <summary>The approval store (LiteDB setting: <c>approvals.json</c> in the data folder).</summary>
    public IApprovalStore CreateApprovalStore(TimeProvider? timeProvider = null) =>
        _database is { } database ? new PostgresApprovalStore(database, timeProvider) : new JsonFileApprovalStore(Path.Combine(_dataFolder, "approvals.json"), timeProvider);

    /// <summary>The tool audit log (LiteDB setting: <c>tool-audit.jsonl</c> in the data folder).</summary>
    public IToolAuditLog CreateAuditLog() =>
        _database is { } database ? new PostgresToolAuditLog(database) : new JsonLinesToolAuditLog(Path.Combine(_dataFolder, "tool-audit.jsonl"));

    /// <summary>Closes the PostgreSQL connection pool (after writing turns still queued); nothing to do for LiteDB.</summary>
    public ValueTask DisposeAsync() => _database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
