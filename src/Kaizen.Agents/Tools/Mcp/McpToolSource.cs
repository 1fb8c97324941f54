using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace Kaizen.Agents.Tools.Mcp;

/// <summary>
/// A running MCP server (stdio) and its tools. <see cref="ConnectAsync"/> starts it and completes the handshake;
/// <see cref="RegisterToolsAsync"/> lists its tools into a <see cref="ToolRegistry"/> with danger levels from the config.
/// Dispose to stop the server.
/// </summary>
public sealed class McpToolSource : IAsyncDisposable
{
    private const int StderrLinesKept = 20;
    private readonly McpClient _client;
    private readonly ConcurrentQueue<string> _stderr;

    private McpToolSource(McpServerConfig config, McpClient client, ConcurrentQueue<string> stderr)
    {
        Config = config;
        _client = client;
        _stderr = stderr;
    }

    /// <summary>The server's configuration.</summary>
    public McpServerConfig Config { get; }

    /// <summary>The server's configured name.</summary>
    public string ServerName => Config.Name;

    /// <summary>The name and version the server reported.</summary>
    public string ServerInfo => _client.ServerInfo is { } info ? $"{info.Name} {info.Version}" : "(unknown)";

    /// <summary>Starts the server and completes the MCP handshake, or throws <see cref="McpServerException"/> saying why not.</summary>
    public static async Task<McpToolSource> ConnectAsync(McpServerConfig config, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var command = ResolveCommand(config);
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = config.Name,
            Command = command,
            Arguments = config.Arguments,
            WorkingDirectory = config.WorkingDirectory,
            EnvironmentVariables = config.EnvironmentVariables,
            StandardErrorLines = line =>
            {
                stderr.Enqueue(line);
                while (stderr.Count > StderrLinesKept) stderr.TryDequeue(out _);
            },
        }, loggerFactory);

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(config.StartupTimeout);
        try
        {
            var client = await McpClient.CreateAsync(transport, loggerFactory: loggerFactory, cancellationToken: startup.Token).ConfigureAwait(false);
            return new McpToolSource(config, client, stderr);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var why = startup.IsCancellationRequested
                ? $"did not complete the MCP handshake within {config.StartupTimeout.TotalSeconds:0.#} s"
                : $"failed to start or exited during the handshake ({ex.GetType().Name}: {ex.Message})";
            throw new McpServerException($"MCP server '{config.Name}' ({command} {string.Join(' ', config.Arguments)}) {why}. {Summary(stderr)}", ex);
        }
    }

    /// <summary>The server's tools as functions, named with the config's prefix.</summary>
    public async Task<IReadOnlyList<McpToolFunction>> ListToolsAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var tools = await _client.ListToolsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return tools.Select(t => new McpToolFunction(t, this, Config.ToolNamePrefix)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new McpServerException($"MCP server '{Config.Name}' could not list its tools ({ex.Message}). {StderrSummary()}", ex);
        }
    }

    /// <summary>Registers every tool of the server with its configured danger level; returns what was registered.</summary>
    public async Task<IReadOnlyList<RegisteredTool>> RegisterToolsAsync(ToolRegistry registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var registered = new List<RegisteredTool>();
        foreach (var tool in await ListToolsAsync(cancellationToken).ConfigureAwait(false))
            registered.Add(registry.Register(tool, Config.LevelOf(tool.ServerToolName), $"mcp:{Config.Name}"));
        return registered;
    }

    /// <summary>The server's last stderr lines, for error messages.</summary>
    public string StderrSummary() => Summary(_stderr);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static string Summary(ConcurrentQueue<string> stderr)
    {
        var lines = stderr.ToArray();
        return lines.Length == 0 ? "The server wrote nothing to stderr." : "Its stderr ended with: " + string.Join(" | ", lines.TakeLast(5));
    }

    private static string ResolveCommand(McpServerConfig config)
    {
        var command = config.Command;
        if (string.IsNullOrWhiteSpace(command))
            throw new McpServerException($"MCP server '{config.Name}' has no Command configured.");
        if (command.Contains(Path.DirectorySeparatorChar) || command.Contains(Path.AltDirectorySeparatorChar))
        {
            var full = Path.GetFullPath(command, config.WorkingDirectory ?? Environment.CurrentDirectory);
            return File.Exists(full)
                ? full
                : throw new McpServerException($"MCP server '{config.Name}': the command '{full}' does not exist. Check the path or install the server.");
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var extensions = OperatingSystem.IsWindows() ? new[] { "", ".exe", ".cmd", ".bat" } : [""];
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var extension in extensions)
                if (File.Exists(Path.Combine(folder, command + extension))) return command;
        throw new McpServerException($"MCP server '{config.Name}': the command '{command}' was not found on PATH. Install it or give its full path.");
    }
}
