namespace Kaizen.Agents.Tools.Mcp;

/// <summary>An MCP server could not be started, did not complete the handshake, or stopped (a call is then not retried: the connection is gone).</summary>
public sealed class McpServerException(string message, Exception? inner = null) : Exception(message, inner), IPermanentToolFailure;

/// <summary>An MCP tool answered with <c>isError: true</c>; the message is the server's error text. Not retried.</summary>
public sealed class McpToolException(string message) : Exception(message), IPermanentToolFailure;
