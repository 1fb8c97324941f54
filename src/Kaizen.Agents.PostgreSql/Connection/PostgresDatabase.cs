using System.Text.RegularExpressions;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// One PostgreSQL database (and schema) holding Kaizen's stores: a connection pool, the schema migrations (run once,
/// lazily, on first use) and the translation of failures into <see cref="PostgresStoreException"/>s that name the store.
/// Create one per database and process and share it between the stores built on it; dispose it after them.
/// </summary>
public sealed partial class PostgresDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>The schema used when none is given.</summary>
    public const string DefaultSchema = "kaizen";

    private readonly NpgsqlDataSource _source;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private PostgresTurnWriter? _turnWriter;

    private PostgresDatabase(NpgsqlDataSource source, string location, string schema)
    {
        _source = source;
        Location = location;
        Schema = schema;
    }

    /// <summary>The store as errors name it: <c>host:port/database (schema s)</c>, never the password.</summary>
    public string Location { get; }

    /// <summary>The PostgreSQL schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Prepares a database; nothing is connected until the first store call.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Port=5432;Database=kaizen;Username=agent;Password=…</c>.</param>
    /// <param name="schema">Schema for the tables (lower-case letters, digits and underscores); created when missing.</param>
    /// <exception cref="ArgumentException">The connection string or schema name is malformed (the message never repeats the password).</exception>
    public static PostgresDatabase Open(string connectionString, string schema = DefaultSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!SchemaName().IsMatch(schema ?? ""))
            throw new ArgumentException($"The schema name '{schema}' is not allowed: use 1-63 lower-case letters, digits and underscores, starting with a letter.", nameof(schema));
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"The PostgreSQL connection string is malformed: {ex.Message}. Expected 'Host=…;Port=5432;Database=…;Username=…;Password=…' " +
                "(KAIZEN_STORE or PostgresDatabase.Open).", nameof(connectionString), ex);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException("The PostgreSQL connection string names no server: add 'Host=…' (KAIZEN_STORE or PostgresDatabase.Open).", nameof(connectionString));
        var location = $"'{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}' (schema {schema})";
        return new PostgresDatabase(NpgsqlDataSource.Create(builder), location, schema!);
    }

    /// <summary>The group-commit writer shared by every memory backend on this database in this process.</summary>
    internal PostgresTurnWriter TurnWriter
    {
        get
        {
            if (Volatile.Read(ref _turnWriter) is { } writer) return writer;
            var created = new PostgresTurnWriter(this);
            if (Interlocked.CompareExchange(ref _turnWriter, created, null) is { } other)
            {
                created.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return other;
            }
            return created;
        }
    }

    /// <summary>A table of this database's schema, qualified.</summary>
    internal string Table(string name) => $"{Schema}.{name}";

    /// <summary>Creates or migrates the schema when this instance has not yet done so.</summary>
    /// <exception cref="PostgresSchemaTooNewException">The database was written by a newer Kaizen.</exception>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        if (_schemaReady) return;
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady) return;
            await WithConnectionAsync("creating or migrating the schema",
                (connection, token) => SchemaMigrator.MigrateAsync(connection, Schema, Location, token), cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>The schema version recorded in the database (0 when the schema does not exist yet).</summary>
    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) =>
        WithConnectionAsync("reading the schema version", (connection, token) => SchemaMigrator.ReadVersionAsync(connection, Schema, token), cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a pooled connection once the schema is ready, translating failures.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await WithConnectionAsync(operation, work, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed whole or not at all.</summary>
    internal Task<T> InTransactionAsync<T>(string operation, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(operation, async (connection, token) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(token).ConfigureAwait(false);
            var result = await work(connection, transaction, token).ConfigureAwait(false);
            await transaction.CommitAsync(token).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    private async Task<T> WithConnectionAsync<T>(string operation, Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresErrors.Translate(ex, Location, operation) is var translated && !ReferenceEquals(translated, ex))
        {
            // Other pooled connections were most likely cut by the same outage: drop them so only this call fails.
            if (translated is PostgresStoreUnavailableException) _source.Clear();
            throw translated;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_turnWriter is { } writer) await writer.DisposeAsync().ConfigureAwait(false); // pending turns are written first
        _schemaGate.Dispose();
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
