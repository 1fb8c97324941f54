using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// Tool approvals in PostgreSQL: a pending request recorded by one process survives its restart and can be approved or
/// denied from any other process on the database; the resumed run reads the decision.
/// </summary>
public sealed class PostgresApprovalStore : IApprovalStore
{
    private const string Columns = "request_id, tool_name, level, arguments_json, agent_id, thread_id, turn, call_id, verdict, decider, reason, decided_at";
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly string _table;

    /// <summary>A store on <paramref name="database"/> (not owned).</summary>
    public PostgresApprovalStore(PostgresDatabase database, TimeProvider? timeProvider = null)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = timeProvider ?? TimeProvider.System;
        _table = database.Table("approvals");
    }

    /// <inheritdoc />
    public async ValueTask<ApprovalRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return (await QueryAsync($"reading approval '{requestId}'", "WHERE request_id = $1", requestId, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async ValueTask RecordPendingAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _database.RunAsync($"recording approval request '{request.RequestId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                    $"INSERT INTO {_table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Pending', NULL, NULL, NULL) ON CONFLICT (request_id) DO NOTHING", connection)
                .WithValues(request.RequestId, request.ToolName, request.Level.ToString(), request.ArgumentsJson, request.AgentId, request.ThreadId, request.Turn, request.CallId);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DecideAsync(string requestId, bool approved, string decider, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentException.ThrowIfNullOrWhiteSpace(decider);
        var updated = await _database.RunAsync($"deciding approval '{requestId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"UPDATE {_table} SET verdict = $2, decider = $3, reason = $4, decided_at = $5 WHERE request_id = $1", connection)
                .WithValues(requestId, (approved ? ApprovalVerdict.Approved : ApprovalVerdict.Denied).ToString(), decider, reason, _time.GetUtcNow());
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (updated == 0)
            throw new KeyNotFoundException($"No approval request '{requestId}' in the PostgreSQL store {_database.Location}; pending ids come from ListPendingAsync.");
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("listing pending approvals", "WHERE verdict = 'Pending' ORDER BY request_id COLLATE \"C\"", null, cancellationToken).ConfigureAwait(false);

    private Task<List<ApprovalRecord>> QueryAsync(string operation, string where, string? requestId, CancellationToken cancellationToken) =>
        _database.RunAsync(operation, async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {_table} {where}", connection);
            if (requestId is not null) command.WithValues(requestId);
            var records = new List<ApprovalRecord>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false)) records.Add(Read(reader));
            return records;
        }, cancellationToken);

    private ApprovalRecord Read(NpgsqlDataReader reader)
    {
        var id = reader.GetString(0);
        if (!Enum.TryParse<DangerLevel>(reader.GetString(2), out var level) || !Enum.TryParse<ApprovalVerdict>(reader.GetString(8), out var verdict))
            throw new InvalidDataException(
                $"Approval request '{id}' in the PostgreSQL store {_database.Location} is damaged: level '{reader.GetString(2)}' or verdict '{reader.GetString(8)}' " +
                "is not a known value. Fix or delete that row of the approvals table.");
        var request = new ApprovalRequest(id, reader.GetString(1), level, reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetString(7));
        return new ApprovalRecord(request, verdict, reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
    }
}
