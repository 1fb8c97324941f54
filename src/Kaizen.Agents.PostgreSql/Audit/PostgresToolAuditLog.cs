using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Audit;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>The tool audit log in PostgreSQL: one row per decision, committed before <see cref="AppendAsync"/> returns, readable from any process.</summary>
public sealed class PostgresToolAuditLog : IToolAuditLog
{
    private const string Columns = "utc_ticks, offset_minutes, agent_id, thread_id, turn, call_id, tool_name, level, arguments_json, decision, decider, detail";
    private readonly PostgresDatabase _database;
    private readonly string _table;

    /// <summary>A log on <paramref name="database"/> (not owned).</summary>
    public PostgresToolAuditLog(PostgresDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _table = database.Table("tool_audit");
    }

    /// <inheritdoc />
    public async ValueTask AppendAsync(ToolAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _database.RunAsync($"appending to the tool audit log of thread '{entry.ThreadId}'", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand($"INSERT INTO {_table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", connection)
                .WithValues(entry.Timestamp.UtcTicks, (short)entry.Timestamp.Offset.TotalMinutes, entry.AgentId, entry.ThreadId, entry.Turn, entry.CallId, entry.ToolName,
                    entry.Level?.ToString(), entry.ArgumentsJson, entry.Decision.ToString(), entry.Decider, entry.Detail);
            return await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every entry (of one thread when <paramref name="threadId"/> is given), in the order they were appended.</summary>
    public Task<IReadOnlyList<ToolAuditEntry>> ReadAsync(string? threadId = null, CancellationToken cancellationToken = default) =>
        _database.RunAsync<IReadOnlyList<ToolAuditEntry>>("reading the tool audit log", async (connection, token) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {Columns}, id FROM {_table} {(threadId is null ? "" : "WHERE thread_id = $1")} ORDER BY id", connection);
            if (threadId is not null) command.WithValues(threadId);
            var entries = new List<ToolAuditEntry>();
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false)) entries.Add(Read(reader));
            return entries;
        }, cancellationToken);

    private ToolAuditEntry Read(NpgsqlDataReader reader)
    {
        DangerLevel? level = null;
        if (!reader.IsDBNull(7))
        {
            if (!Enum.TryParse<DangerLevel>(reader.GetString(7), out var parsed)) throw Damaged(reader, $"level '{reader.GetString(7)}'");
            level = parsed;
        }
        if (!Enum.TryParse<ToolAuditDecision>(reader.GetString(9), out var decision)) throw Damaged(reader, $"decision '{reader.GetString(9)}'");
        var offset = TimeSpan.FromMinutes(reader.GetInt16(1));
        return new ToolAuditEntry(new DateTimeOffset(reader.GetInt64(0) + offset.Ticks, offset), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
            reader.GetString(5), reader.GetString(6), level, reader.GetString(8), decision, reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11));
    }

    private InvalidDataException Damaged(NpgsqlDataReader reader, string what) =>
        new($"Tool audit entry {reader.GetInt64(12)} in the PostgreSQL store {_database.Location} is damaged: {what} is not a known value. Fix or delete that row of tool_audit.");
}
