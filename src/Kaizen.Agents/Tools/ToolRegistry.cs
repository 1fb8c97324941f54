using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools;

/// <summary>The tools an agent may call, by name, each with its <see cref="DangerLevel"/>. Thread-safe.</summary>
public sealed class ToolRegistry
{
    private readonly Dictionary<string, RegisteredTool> _tools = new(StringComparer.Ordinal);
    private readonly List<RegisteredTool> _order = [];
    private readonly Lock _gate = new();

    /// <summary>Adds a tool. Throws if a tool with the same name is already registered.</summary>
    /// <param name="function">The function to expose.</param>
    /// <param name="level">Its danger level.</param>
    /// <param name="source">Where it comes from (for the audit log and error messages).</param>
    public RegisteredTool Register(AIFunction function, DangerLevel level, string source = "custom")
    {
        ArgumentNullException.ThrowIfNull(function);
        if (string.IsNullOrWhiteSpace(function.Name))
            throw new ArgumentException("A tool needs a non-empty name.", nameof(function));

        var tool = new RegisteredTool(function, level, source);
        lock (_gate)
        {
            if (_tools.TryGetValue(function.Name, out var existing))
            {
                throw new InvalidOperationException(
                    $"A tool named '{function.Name}' is already registered (from {existing.Source}); " +
                    $"give the tool from {source} another name (MCP servers: set a ToolNamePrefix).");
            }
            _tools.Add(function.Name, tool);
            _order.Add(tool);
        }
        return tool;
    }

    /// <summary>Removes a tool; returns whether it was there.</summary>
    public bool Unregister(string name)
    {
        lock (_gate)
        {
            if (!_tools.Remove(name, out var tool)) return false;
            _order.Remove(tool);
            return true;
        }
    }

    /// <summary>Finds a tool by exact name.</summary>
    public bool TryGet(string name, out RegisteredTool tool)
    {
        lock (_gate) return _tools.TryGetValue(name, out tool!);
    }

    /// <summary>All tools in registration order.</summary>
    public IReadOnlyList<RegisteredTool> All
    {
        get { lock (_gate) return _order.ToList(); }
    }

    /// <summary>The names of all tools, in registration order.</summary>
    public IReadOnlyList<string> Names => All.Select(t => t.Name).ToList();
}
