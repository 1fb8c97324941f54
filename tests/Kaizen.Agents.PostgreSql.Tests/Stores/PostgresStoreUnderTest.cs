using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.PostgreSql.Tests.Support;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.Audit;
using Npgsql;

namespace Kaizen.Agents.PostgreSql.Tests.Stores;

/// <summary>
/// The PostgreSQL stores on the run's throw-away server, in a schema of their own (dropped afterwards). Every open
/// creates a new <see cref="PostgresDatabase"/> (its own connection pool), as another process would.
/// </summary>
public sealed class PostgresStoreUnderTest(PostgresServerFixture server) : IStoreUnderTest
{
    private readonly List<PostgresDatabase> _databases = [];

    public string ConnectionString { get; } = server.ConnectionString;

    public string Schema { get; } = PostgresServerFixture.NewSchema();

    public string Location => Database().Location;

    /// <summary>A new database object (a new pool) on this test's schema, disposed with the test; its connections carry the schema as application name.</summary>
    public PostgresDatabase Database()
    {
        var database = PostgresDatabase.Open($"{ConnectionString};Application Name={Schema}", Schema);
        lock (_databases) _databases.Add(database);
        return database;
    }

    public ICheckpointStore OpenCheckpoints(CheckpointCompression compression = CheckpointCompression.Zstd) => new PostgresCheckpointStore(Database(), compression);

    public Task DamageCheckpointAsync(string checkpointId, Func<byte[], byte[]> damage) =>
        ExecuteAsync($"UPDATE {Schema}.checkpoints SET payload = $2 WHERE id = $1", checkpointId, damage(ReadPayload(checkpointId)));

    public IMemoryBackend OpenMemory(string session, MemoryOptions? options = null) => new PostgresMemoryBackend(Database(), session, options);

    public IApprovalStore OpenApprovals() => new PostgresApprovalStore(Database());

    public IToolAuditLog OpenAudit() => new PostgresToolAuditLog(Database());

    public Task<IReadOnlyList<ToolAuditEntry>> ReadAuditAsync() => new PostgresToolAuditLog(Database()).ReadAsync();

    /// <summary>Runs SQL on the test's schema behind the stores' back.</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query on the server.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private byte[] ReadPayload(string checkpointId)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT payload FROM {Schema}.checkpoints WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = checkpointId });
        return (byte[])command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }
}
