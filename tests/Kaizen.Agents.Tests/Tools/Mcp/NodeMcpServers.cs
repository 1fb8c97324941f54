using Kaizen.Build;

namespace Kaizen.Agents.Tests.Tools.Mcp;

/// <summary>The real npm MCP servers installed under <c>tools/node/node_modules/.bin</c> of the repository.</summary>
internal static class NodeMcpServers
{
    public static string Filesystem => RepositoryRoot.NodeBinary("mcp-server-filesystem");

    public static string Everything => RepositoryRoot.NodeBinary("mcp-server-everything");
}
