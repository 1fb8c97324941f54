namespace Kaizen.Agents.PostgreSql;

/// <summary>Which stores agents use: the embedded LiteDB files (default) or a PostgreSQL database shared by many machines.</summary>
public sealed record AgentStoreOptions
{
    /// <summary>The environment variable read by <see cref="FromEnvironment"/>.</summary>
    public const string EnvironmentVariable = "KAIZEN_STORE";

    /// <summary>
    /// Null, empty or <c>litedb</c> selects LiteDB files in <see cref="DataFolder"/>; a PostgreSQL connection string
    /// (<c>Host=…;Database=…;Username=…;Password=…</c>) or URI (<c>postgresql://user:password@host:5432/database</c>) selects PostgreSQL.
    /// </summary>
    public string? Store { get; init; }

    /// <summary>Folder of the LiteDB files, JSON approvals and JSON Lines audit log (default <c>.kaizen</c> in the current directory).</summary>
    public string DataFolder { get; init; } = Path.Combine(Directory.GetCurrentDirectory(), ".kaizen");

    /// <summary>PostgreSQL schema of the tables.</summary>
    public string Schema { get; init; } = PostgresDatabase.DefaultSchema;

    /// <summary>Options read from <c>KAIZEN_STORE</c> (and this data folder).</summary>
    public static AgentStoreOptions FromEnvironment(string? dataFolder = null) => new AgentStoreOptions
    {
        Store = Environment.GetEnvironmentVariable(EnvironmentVariable),
    } with { DataFolder = dataFolder ?? Path.Combine(Directory.GetCurrentDirectory(), ".kaizen") };
}
