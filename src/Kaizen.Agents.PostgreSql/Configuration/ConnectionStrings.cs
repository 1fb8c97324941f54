using System.Text;

namespace Kaizen.Agents.PostgreSql;

/// <summary>Accepts PostgreSQL URIs (<c>postgresql://user:password@host:port/database</c>) besides Npgsql's key=value form.</summary>
internal static class ConnectionStrings
{
    public static string ToKeyValue(string setting)
    {
        if (!setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            if (!setting.Contains('=', StringComparison.Ordinal))
                throw new ArgumentException(
                    $"{AgentStoreOptions.EnvironmentVariable} must be 'litedb' or a PostgreSQL connection string ('Host=…;Database=…;Username=…;Password=…' " +
                    "or 'postgresql://user:password@host:5432/database'); the value given is neither.", nameof(setting));
            return setting;
        }
        if (!Uri.TryCreate(setting, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException($"The PostgreSQL URI in {AgentStoreOptions.EnvironmentVariable} is malformed: expected 'postgresql://user:password@host:5432/database'.", nameof(setting));
        var text = new StringBuilder($"Host={uri.Host}");
        if (uri.Port > 0) text.Append($";Port={uri.Port}");
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0) text.Append($";Database={Uri.UnescapeDataString(database)}");
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            text.Append($";Username={Uri.UnescapeDataString(parts[0])}");
            if (parts.Length == 2) text.Append($";Password='{Uri.UnescapeDataString(parts[1]).Replace("'", "''", StringComparison.Ordinal)}'");
        }
        return text.ToString();
    }
}
