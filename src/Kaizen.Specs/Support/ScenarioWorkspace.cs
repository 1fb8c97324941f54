using System.Text;
using Reqnroll;

namespace Kaizen.Specs.Support;

/// <summary>
/// The scenario's own data folder (LiteDB files, generated inputs, tool workspaces) under the system temp folder.
/// One per scenario, injected by constructor. <see cref="WorkspaceHooks"/> closes what was registered and deletes the
/// folder after a passing scenario, and keeps it (printing its path) after a failing one.
/// </summary>
public sealed class ScenarioWorkspace
{
    private readonly List<IAsyncDisposable> _resources = [];

    /// <summary>Creates the folder for the running scenario.</summary>
    public ScenarioWorkspace(FeatureContext feature, ScenarioContext scenario)
    {
        var featureSlug = Slug(feature.FeatureInfo.Title, 40);
        var title = Slug(scenario.ScenarioInfo.Title, 50);
        DataFolder = Path.Combine(Path.GetTempPath(), "kaizen-specs", featureSlug, $"{title}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(DataFolder);
    }

    /// <summary>The scenario's folder (absolute).</summary>
    public string DataFolder { get; }

    /// <summary>The LiteDB file of the scenario's memory.</summary>
    public string MemoryDatabasePath => Path.Combine(DataFolder, "memory.db");

    /// <summary>A path inside the data folder, its parent folders created.</summary>
    public string PathOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(DataFolder, relative));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>A sub-folder of the data folder, created.</summary>
    public string FolderOf(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(DataFolder, relative));
        Directory.CreateDirectory(full);
        return full;
    }

    /// <summary>Registers something holding files open (a memory backend, a checkpoint store, an MCP server) to close before cleanup.</summary>
    public T Track<T>(T resource) where T : IAsyncDisposable
    {
        lock (_resources) _resources.Add(resource);
        return resource;
    }

    /// <summary>Closes every tracked resource, newest first; returns the errors instead of throwing so cleanup goes on.</summary>
    internal async Task<IReadOnlyList<Exception>> CloseResourcesAsync()
    {
        List<IAsyncDisposable> resources;
        lock (_resources)
        {
            resources = Enumerable.Reverse(_resources).ToList();
            _resources.Clear();
        }
        var errors = new List<Exception>();
        foreach (var resource in resources)
        {
            try { await resource.DisposeAsync(); }
            catch (Exception error) { errors.Add(error); }
        }
        return errors;
    }

    private static string Slug(string text, int max)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var result = slug.ToString().Trim('-');
        while (result.Contains("--", StringComparison.Ordinal)) result = result.Replace("--", "-", StringComparison.Ordinal);
        return result.Length <= max ? result : result[..max].TrimEnd('-');
    }
}
