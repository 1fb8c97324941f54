namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// The folder file tools are confined to. <see cref="Resolve"/> refuses absolute paths, <c>..</c> segments and any path
/// that passes through a symbolic link pointing outside the root.
/// </summary>
public sealed class Workspace
{
    /// <summary>Confines tools to <paramref name="root"/> (must exist; symbolic links in the root itself are resolved).</summary>
    public Workspace(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"The workspace root '{full}' does not exist; create it before starting the agent.");
        Root = Path.TrimEndingDirectorySeparator(RealPath(full));
    }

    /// <summary>The absolute, link-free root.</summary>
    public string Root { get; }

    /// <summary>Turns a model-supplied relative path into an absolute path inside the root, or throws <see cref="ToolRefusedException"/>.</summary>
    public string Resolve(string? relativePath)
    {
        var path = (relativePath ?? "").Trim();
        if (path.Length == 0) path = ".";
        if (Path.IsPathRooted(path) || path.StartsWith('~') || path.Contains(':'))
            throw new ToolRefusedException($"'{relativePath}' is an absolute path; use a path relative to the workspace root.");
        var segments = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
            throw new ToolRefusedException($"'{relativePath}' contains '..'; paths may not leave the workspace root.");

        // Walk segment by segment so a link anywhere on the way is checked, not just the final target.
        var current = Root;
        foreach (var segment in segments.Where(s => s != "."))
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName
                         ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current)!);
            if (!IsInside(target))
                throw new ToolRefusedException($"'{relativePath}' goes through a symbolic link that points outside the workspace root.");
            current = target;
        }
        if (!IsInside(current))
            throw new ToolRefusedException($"'{relativePath}' resolves outside the workspace root.");
        return current;
    }

    /// <summary>The path of <paramref name="absolutePath"/> relative to the root, with forward slashes.</summary>
    public string Relative(string absolutePath) => Path.GetRelativePath(Root, absolutePath).Replace('\\', '/');

    private bool IsInside(string absolutePath)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(absolutePath));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return full.Equals(Root, comparison) || full.StartsWith(Root + Path.DirectorySeparatorChar, comparison);
    }

    private static string RealPath(string path)
    {
        // Resolve links component by component (e.g. /tmp -> /private/tmp on macOS).
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var segment in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null)
                current = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
        }
        return current;
    }
}
