using System.Text.Json;

namespace Kaizen.Agents.Tools.Mcp;

/// <summary>
/// Reads MCP server settings from a JSON file in the common <c>mcpServers</c> shape, extended with danger levels:
/// <code>
/// { "mcpServers": { "filesystem": {
///     "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/data"],
///     "env": { "KEY": "value" }, "cwd": ".", "toolNamePrefix": "fs_",
///     "dangerLevels": { "read_text_file": "Safe", "write_file": "Medium" },
///     "defaultDangerLevel": "Medium", "startupTimeoutSeconds": 30 } } }
/// </code>
/// Relative <c>command</c> paths (starting with <c>./</c> or <c>../</c>) and <c>cwd</c> are relative to the file's folder.
/// Errors name the file, the line (syntax) or the JSON path (content), and the fix.
/// </summary>
public static class McpConfigFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads every server of the file.</summary>
    public static IReadOnlyList<McpServerConfig> Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"The MCP configuration file {full} does not exist.", full);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(full), Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{full}: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: invalid JSON ({ex.Message}).", ex);
        }
        using (doc)
        {
            return Parse(doc.RootElement, full, Path.GetDirectoryName(full)!);
        }
    }

    private static List<McpServerConfig> Parse(JsonElement root, string file, string folder)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("mcpServers", out var servers) || servers.ValueKind != JsonValueKind.Object)
            throw Error(file, "mcpServers", "is missing; the file needs an object { \"mcpServers\": { \"name\": { \"command\": … } } }");

        var result = new List<McpServerConfig>();
        foreach (var server in servers.EnumerateObject())
        {
            var at = $"mcpServers.{server.Name}";
            var s = server.Value;
            if (s.ValueKind != JsonValueKind.Object) throw Error(file, at, "must be an object");
            var command = String(s, "command", file, at) ?? throw Error(file, $"{at}.command", "is missing; give the program that starts the server");
            var cwd = String(s, "cwd", file, at);
            result.Add(new McpServerConfig
            {
                Name = server.Name,
                Command = command.StartsWith("./", StringComparison.Ordinal) || command.StartsWith("../", StringComparison.Ordinal)
                    ? Path.GetFullPath(command, folder) : command,
                Arguments = Strings(s, "args", file, at),
                EnvironmentVariables = Map(s, "env", file, at).ToDictionary(p => p.Key, p => (string?)p.Value),
                WorkingDirectory = cwd is null ? null : Path.GetFullPath(cwd, folder),
                ToolNamePrefix = String(s, "toolNamePrefix", file, at) ?? "",
                ToolDangerLevels = Map(s, "dangerLevels", file, at).ToDictionary(p => p.Key, p => Level(p.Value, file, $"{at}.dangerLevels.{p.Key}")),
                DefaultDangerLevel = String(s, "defaultDangerLevel", file, at) is { } level ? Level(level, file, $"{at}.defaultDangerLevel") : DangerLevel.Medium,
                StartupTimeout = s.TryGetProperty("startupTimeoutSeconds", out var t)
                    ? t.TryGetDouble(out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw Error(file, $"{at}.startupTimeoutSeconds", "must be a positive number")
                    : TimeSpan.FromSeconds(30),
            });
        }
        return result;
    }

    private static DangerLevel Level(string text, string file, string at) =>
        Enum.TryParse<DangerLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw Error(file, at, $"is '{text}'; use one of {string.Join(", ", Enum.GetNames<DangerLevel>())}");

    private static string? String(JsonElement obj, string name, string file, string at) =>
        !obj.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw Error(file, $"{at}.{name}", "must be a string");

    private static List<string> Strings(JsonElement obj, string name, string file, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            throw Error(file, $"{at}.{name}", "must be an array of strings");
        return v.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static Dictionary<string, string> Map(JsonElement obj, string name, string file, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return [];
        if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            throw Error(file, $"{at}.{name}", "must be an object of strings");
        return v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    private static FormatException Error(string file, string at, string problem) => new($"{file}: {at} {problem}.");
}
