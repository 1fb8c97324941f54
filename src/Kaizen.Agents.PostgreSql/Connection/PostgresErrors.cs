using System.Net.Sockets;
using Npgsql;

namespace Kaizen.Agents.PostgreSql;

/// <summary>Turns Npgsql's exceptions into the store's, naming the store and the operation.</summary>
internal static class PostgresErrors
{
    public static Exception Translate(Exception error, string location, string operation)
    {
        if (error is PostgresStoreException or OperationCanceledException) return error;
        if (error is PostgresException server)
        {
            return server.SqlState switch
            {
                var state when state.StartsWith("08", StringComparison.Ordinal) => Unavailable(location, operation, $"connection error {state}: {server.MessageText}", error),
                "57P01" or "57P02" or "57P03" => Unavailable(location, operation, $"the server is shutting down or starting ({server.SqlState}: {server.MessageText})", error),
                var state when state.StartsWith("28", StringComparison.Ordinal) => Unavailable(location, operation, $"the server refused the login ({server.MessageText})", error),
                "3D000" => Unavailable(location, operation, $"the database does not exist ({server.MessageText}); create it or fix 'Database=' in the connection string", error),
                _ => new PostgresStoreException(location, operation,
                    $"The PostgreSQL store {location} failed while {operation}: {server.SqlState} {server.MessageText}. Nothing of this call was committed.", error),
            };
        }
        if (error is NpgsqlException or SocketException or TimeoutException or EndOfStreamException || error.InnerException is SocketException or IOException)
            return Unavailable(location, operation, FirstLine(error), error);
        return error;
    }

    private static PostgresStoreUnavailableException Unavailable(string location, string operation, string reason, Exception error) =>
        new(location, operation, reason, error);

    private static string FirstLine(Exception error)
    {
        var innermost = error;
        while (innermost.InnerException is { } inner) innermost = inner;
        var reason = innermost == error ? error.Message : $"{error.Message} ({innermost.Message})";
        var newline = reason.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? reason : reason[..newline];
    }
}
