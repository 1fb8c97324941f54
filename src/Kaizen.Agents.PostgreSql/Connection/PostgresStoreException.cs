namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// A PostgreSQL store failed. The message names the store (host, port, database and schema; never the password), the
/// operation and what to do. Nothing of the failed call was committed, and the store stays usable: the next call opens
/// a new connection.
/// </summary>
public class PostgresStoreException : IOException
{
    /// <summary>Creates the error.</summary>
    public PostgresStoreException(string location, string operation, string message, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
        Operation = operation;
    }

    /// <summary>The store: <c>host:port/database</c> and schema.</summary>
    public string Location { get; }

    /// <summary>What was being done, e.g. <c>saving a checkpoint of thread 't1'</c>.</summary>
    public string Operation { get; }
}

/// <summary>
/// The server could not be reached, refused the login, or the connection was lost mid-call. The call's transaction was
/// rolled back by the server, so the last committed checkpoint and turns are intact.
/// </summary>
public sealed class PostgresStoreUnavailableException(string location, string operation, string reason, Exception inner)
    : PostgresStoreException(location, operation,
        $"The PostgreSQL store {location} is unavailable while {operation}: {reason}. Nothing of this call was committed; " +
        "everything committed before is kept. Check that the server runs and accepts this login (KAIZEN_STORE or the connection string), then retry.",
        inner);

/// <summary>The database holds a Kaizen schema newer than this package knows: upgrade Kaizen.Agents.PostgreSql before using it.</summary>
public sealed class PostgresSchemaTooNewException(string location, int databaseVersion, int knownVersion)
    : PostgresStoreException(location, "checking the schema version",
        $"The PostgreSQL store {location} has Kaizen schema version {databaseVersion}, but this Kaizen.Agents.PostgreSql knows versions up to " +
        $"{knownVersion}. A newer Kaizen wrote it: upgrade the package in this program (the schema is never downgraded), or point it at another schema.")
{
    /// <summary>The version recorded in the database.</summary>
    public int DatabaseVersion { get; } = databaseVersion;

    /// <summary>The newest version this package can migrate to.</summary>
    public int KnownVersion { get; } = knownVersion;
}
