using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools;

/// <summary>The tools an agent may call, by name, each with its <see cref="DangerLevel"/>. Thread-safe.</summary>
public sealed class ToolRegistry
{
    private readonly ConcurrentDictionary<string, RegisteredTool> _tools = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _orderLock = new();

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
        if (!_tools.TryAdd(function.Name, tool))
        {
            var existing = _tools[function.Name];
            throw new InvalidOperationException(
                $"A tool named '{function.Name}' is already registered (from {existing.Source}); " +
                $"give the tool from {source} another name (MCP servers: set a ToolNamePrefix).");
        }
        lock (_orderLock) _order.Add(function.Name);
        return tool;
    }

    /// <summary>Removes a tool; returns whether it was there.</summary>
    public bool Unregister(string name)
    {
        if (!_tools.TryRemove(name, out _)) return false;
        lock (_orderLock) _order.Remove(name);
        return true;
    }

    /// <summary>Finds a tool by exact name.</summary>
    public bool TryGet(string name, out RegisteredTool tool) => _tools.TryGetValue(name, out tool!);

    /// <summary>All tools in registration order.</summary>
    public IReadOnlyList<RegisteredTool> All
    {
        get
        {
            lock (_orderLock) return _order.Select(n => _tools[n]).ToList();
        }
    }

    /// <summary>The names of all tools, in registration order.</summary>
    public IReadOnlyList<string> Names => All.Select(t => t.Name).ToList();
}
