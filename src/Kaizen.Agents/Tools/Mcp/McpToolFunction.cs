using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kaizen.Agents.Tools.Mcp;

/// <summary>
/// One MCP tool as an <see cref="AIFunction"/>: calls it on the server and turns the answer into text, a tool error
/// into <see cref="McpToolException"/> and a dead server into <see cref="McpServerException"/>.
/// </summary>
public sealed class McpToolFunction : AIFunction
{
    private readonly McpClientTool _tool;
    private readonly McpToolSource _source;

    internal McpToolFunction(McpClientTool tool, McpToolSource source, string prefix)
    {
        _tool = tool;
        _source = source;
        Name = prefix + tool.Name;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>The tool's name on its server.</summary>
    public string ServerToolName => _tool.Name;

    /// <inheritdoc />
    public override string Description => _tool.Description ?? "";

    /// <inheritdoc />
    public override JsonElement JsonSchema => _tool.JsonSchema;

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var args = arguments.ToDictionary(a => a.Key, a => a.Value);
        CallToolResult result;
        try
        {
            result = await _tool.CallAsync(args, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (McpProtocolException ex)
        {
            throw new McpToolException($"MCP server '{_source.ServerName}' rejected the call to '{_tool.Name}': {ex.Message}");
        }
        catch (Exception ex) when (ex is McpException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new McpServerException(
                $"MCP server '{_source.ServerName}' did not answer the call to '{_tool.Name}' ({ex.GetType().Name}: {ex.Message}); " +
                "it may have exited. " + _source.StderrSummary(), ex);
        }

        var text = TextOf(result);
        if (result.IsError == true)
            throw new McpToolException($"MCP tool '{_tool.Name}' on server '{_source.ServerName}' reported an error: {text}");
        return text;
    }

    private static string TextOf(CallToolResult result)
    {
        var text = new StringBuilder();
        foreach (var block in result.Content)
        {
            if (text.Length > 0) text.Append('\n');
            text.Append(block is TextContentBlock t ? t.Text : $"[{block.Type} content]");
        }
        if (text.Length == 0 && result.StructuredContent is { } structured) text.Append(structured.GetRawText());
        return text.ToString();
    }
}
