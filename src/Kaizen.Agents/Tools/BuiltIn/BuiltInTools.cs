namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>Registers the built-in tools with their danger levels.</summary>
public static class BuiltInTools
{
    /// <summary>The name recorded as the source of built-in tools.</summary>
    public const string Source = "builtin";

    /// <summary>
    /// Adds <c>read_file</c>, <c>file_exists</c>, <c>list_directory</c> (Safe), <c>write_file</c> (Medium) and
    /// <c>delete_file</c> (High), confined to <paramref name="workspace"/>.
    /// </summary>
    public static ToolRegistry AddFileTools(this ToolRegistry registry, Workspace workspace)
    {
        var files = new FileTools(workspace);
        AddReadOnly(registry, files);
        registry.Register(files.WriteFile(), DangerLevel.Medium, Source);
        registry.Register(files.DeleteFile(), DangerLevel.High, Source);
        return registry;
    }

    /// <summary>
    /// Adds only the file tools that cannot change anything: <c>read_file</c>, <c>file_exists</c> and <c>list_directory</c>
    /// (all Safe), for an agent that reviews a workspace without touching it.
    /// </summary>
    public static ToolRegistry AddReadOnlyFileTools(this ToolRegistry registry, Workspace workspace)
    {
        AddReadOnly(registry, new FileTools(workspace));
        return registry;
    }

    private static void AddReadOnly(ToolRegistry registry, FileTools files)
    {
        registry.Register(files.ReadFile(), DangerLevel.Safe, Source);
        registry.Register(files.FileExists(), DangerLevel.Safe, Source);
        registry.Register(files.ListDirectory(), DangerLevel.Safe, Source);
    }

    /// <summary>Adds the <c>next_item</c> tool of <paramref name="queue"/> (Safe: it only hands out what the queue holds).</summary>
    public static ToolRegistry AddWorkQueue(this ToolRegistry registry, WorkQueue queue)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(queue);
        registry.Register(queue.AsTool(), DangerLevel.Safe, Source);
        return registry;
    }

    /// <summary>Adds <c>http_get</c> (Low) and <c>http_post</c> (Medium), optionally limited to <paramref name="allowedHosts"/>.</summary>
    public static ToolRegistry AddHttpTools(this ToolRegistry registry, HttpClient client, IReadOnlyCollection<string>? allowedHosts = null)
    {
        var http = new HttpTools(client, allowedHosts);
        registry.Register(http.Get(), DangerLevel.Low, Source);
        registry.Register(http.Post(), DangerLevel.Medium, Source);
        return registry;
    }

    /// <summary>Adds <c>run_command</c> (Critical: rejected unless the policy allows it by name).</summary>
    public static ToolRegistry AddCommandTool(this ToolRegistry registry, Workspace workspace, TimeSpan? defaultTimeout = null)
    {
        registry.Register(new CommandTool(workspace, defaultTimeout).Create(), DangerLevel.Critical, Source);
        return registry;
    }
}
