using Kaizen.Agents.PostgreSql;
using Kaizen.Testing.Postgres;
using Npgsql;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Kaizen.Specs.Stores;

/// <summary>
/// The PostgreSQL server of the run (KAIZEN_TEST_POSTGRES, or a throw-away cluster started on first use and stopped
/// after the run) and a schema of the scenario's own, dropped after it. Without a server the scenario is skipped with
/// one line, unless KAIZEN_REQUIRE_POSTGRES=1 (CI), where it fails. One per scenario, injected by constructor.
/// </summary>
public sealed class SharedPostgres(IUnitTestRuntimeProvider testRuntime)
{
    private static readonly Lazy<PostgresTestServer> Server = new(() => new PostgresTestServer());

    /// <summary>The server's connection string, once <see cref="Require"/> found one.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The scenario's schema.</summary>
    public string Schema { get; } = "spec_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Finds the server, or skips (fails under KAIZEN_REQUIRE_POSTGRES=1) the scenario with the reason.</summary>
    public void Require()
    {
        if (Server.Value.ConnectionString is { } connectionString)
        {
            ConnectionString = connectionString;
            return;
        }
        if (PostgresTestServer.Required) throw new InvalidOperationException("KAIZEN_REQUIRE_POSTGRES=1 but " + Server.Value.Unavailable);
        testRuntime.TestIgnore(Server.Value.Unavailable!);
    }

    /// <summary>The scenario's database, as another process would open it (a pool of its own); dispose it after use.</summary>
    public PostgresDatabase Open() => PostgresDatabase.Open(ConnectionString, Schema);

    internal async Task DropSchemaAsync()
    {
        if (ConnectionString.Length == 0) return;
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    internal static void StopServer()
    {
        if (Server.IsValueCreated) Server.Value.Dispose();
    }
}

/// <summary>Drops each scenario's schema and stops the run's server.</summary>
[Binding]
public sealed class SharedPostgresHooks(SharedPostgres postgres)
{
    [AfterScenario]
    public Task DropSchema() => postgres.DropSchemaAsync();

    [AfterTestRun]
    public static void StopServer() => SharedPostgres.StopServer();
}
