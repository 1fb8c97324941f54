namespace Kaizen.Agents.Tools.Mcp;

/// <summary>How to start one MCP server over stdio and how dangerous its tools are.</summary>
public sealed class McpServerConfig
{
    /// <summary>A short name for messages and the registry's tool source (<c>mcp:{Name}</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The program to start (a path, or a name looked up on PATH).</summary>
    public required string Command { get; init; }

    /// <summary>Its command-line arguments.</summary>
    public IList<string> Arguments { get; init; } = [];

    /// <summary>Extra environment variables for the server process.</summary>
    public IDictionary<string, string?> EnvironmentVariables { get; init; } = new Dictionary<string, string?>();

    /// <summary>The server's working directory (default: the current directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Danger level per tool name as the server names it. Tools not listed get <see cref="DefaultDangerLevel"/>.</summary>
    public IDictionary<string, DangerLevel> ToolDangerLevels { get; init; } = new Dictionary<string, DangerLevel>(StringComparer.Ordinal);

    /// <summary>The level of tools not in <see cref="ToolDangerLevels"/> (default Medium: unknown tools ask first).</summary>
    public DangerLevel DefaultDangerLevel { get; init; } = DangerLevel.Medium;

    /// <summary>Prepended to every tool name in the registry (e.g. <c>fs_</c>) to avoid clashes between servers.</summary>
    public string ToolNamePrefix { get; init; } = "";

    /// <summary>How long starting the server and the MCP handshake may take (default 30 s).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The level a tool gets from this config.</summary>
    public DangerLevel LevelOf(string toolName) =>
        ToolDangerLevels.TryGetValue(toolName, out var level) ? level : DefaultDangerLevel;
}
