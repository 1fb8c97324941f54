namespace Kaizen.Agents.PostgreSql;

/// <summary>One step of the schema; <see cref="Sql"/> gets the schema name. Never edit a released step: add the next one.</summary>
internal sealed record SchemaMigration(int Version, string Description, Func<string, string> Sql);

/// <summary>The schema's history, oldest first. The database records each applied version in <c>schema_version</c>.</summary>
internal static class SchemaMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "checkpoints, memory turns, approvals and tool audit", s => $"""
            CREATE TABLE {s}.checkpoint_threads (
                thread_id   text PRIMARY KEY,
                head_id     text,
                saved       bigint NOT NULL DEFAULT 0);
            CREATE TABLE {s}.checkpoints (
                id          text PRIMARY KEY,
                thread_id   text NOT NULL REFERENCES {s}.checkpoint_threads (thread_id),
                parent_id   text,
                turn        int NOT NULL,
                created_at  timestamptz NOT NULL,
                kind        smallint NOT NULL,
                compression smallint NOT NULL,
                raw_size    bigint NOT NULL,
                stored_size bigint NOT NULL,
                sha256      text NOT NULL,
                payload     bytea NOT NULL);
            CREATE INDEX checkpoints_by_thread ON {s}.checkpoints (thread_id, turn, created_at, id);

            CREATE TABLE {s}.memory_sessions (
                session_id    text PRIMARY KEY,
                next_sequence bigint NOT NULL DEFAULT 0,
                generation    bigint NOT NULL DEFAULT 0,
                embedder      text,
                dimensions    int);
            CREATE TABLE {s}.memory_turns (
                session_id     text NOT NULL,
                sequence       bigint NOT NULL,
                id             uuid NOT NULL UNIQUE,
                role           text NOT NULL,
                content        text NOT NULL,
                utc_ticks      bigint NOT NULL,
                offset_minutes smallint NOT NULL,
                metadata       bytea,
                embedding      bytea,
                embedder       text,
                PRIMARY KEY (session_id, sequence));

            CREATE TABLE {s}.approvals (
                request_id     text PRIMARY KEY,
                tool_name      text NOT NULL,
                level          text NOT NULL,
                arguments_json text NOT NULL,
                agent_id       text NOT NULL,
                thread_id      text NOT NULL,
                turn           int NOT NULL,
                call_id        text NOT NULL,
                verdict        text NOT NULL,
                decider        text,
                reason         text,
                decided_at     timestamptz);
            CREATE INDEX approvals_pending ON {s}.approvals (request_id) WHERE verdict = 'Pending';

            CREATE TABLE {s}.tool_audit (
                id             bigserial PRIMARY KEY,
                utc_ticks      bigint NOT NULL,
                offset_minutes smallint NOT NULL,
                agent_id       text NOT NULL,
                thread_id      text NOT NULL,
                turn           int NOT NULL,
                call_id        text NOT NULL,
                tool_name      text NOT NULL,
                level          text,
                arguments_json text NOT NULL,
                decision       text NOT NULL,
                decider        text NOT NULL,
                detail         text);
            CREATE INDEX tool_audit_by_thread ON {s}.tool_audit (thread_id, id);
            """),
    ];

    /// <summary>The newest version this package knows.</summary>
    public static int Latest => All[^1].Version;
}
