using Kaizen.Testing.Postgres;

[assembly: AssemblyFixture(typeof(Kaizen.Agents.PostgreSql.Tests.Support.PostgresServerFixture))]

namespace Kaizen.Agents.PostgreSql.Tests.Support;

/// <summary>One throw-away PostgreSQL server for the whole test run (or KAIZEN_TEST_POSTGRES); each test gets its own schema.</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly PostgresTestServer _server = new();

    /// <summary>The server's connection string; skips the test with one line when there is no server (fails instead under KAIZEN_REQUIRE_POSTGRES=1).</summary>
    public string ConnectionString
    {
        get
        {
            if (_server.ConnectionString is { } connectionString) return connectionString;
            if (PostgresTestServer.Required) throw new InvalidOperationException("KAIZEN_REQUIRE_POSTGRES=1 but " + _server.Unavailable);
            Assert.Skip(_server.Unavailable!);
            return null!;
        }
    }

    /// <summary>A fresh, unique schema name.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..16];

    public void Dispose() => _server.Dispose();
}
