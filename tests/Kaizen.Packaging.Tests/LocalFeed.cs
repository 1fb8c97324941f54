using Kaizen.Build;

namespace Kaizen.Packaging.Tests;

/// <summary>
/// A folder feed with Kaizen.Agents, Kaizen.Agents.Testing, Kaizen.Agents.PostgreSql and the Kaizen.LivingDoc tool, packed once per test run under
/// a version of its own (so no package cached by an earlier run can stand in for them).
/// </summary>
public sealed class LocalFeed : IAsyncLifetime
{
    public static readonly string[] Projects = ["src/Kaizen.Agents", "src/Kaizen.Agents.Testing", "src/Kaizen.Agents.PostgreSql", "src/Kaizen.LivingDoc"];

    public string Root { get; } = Directory.CreateTempSubdirectory("kaizen-feed-").FullName;

    public string Folder => Path.Combine(Root, "feed");

    public string Version { get; } = $"0.1.0-local.{DateTime.UtcNow:yyyyMMddHHmmss}";

    public async ValueTask InitializeAsync()
    {
        foreach (var project in Projects)
        {
            var (exit, output) = await DotnetCli.DotnetAsync(RepositoryRoot.Path, "pack", project, "-o", Folder, $"-p:Version={Version}");
            if (exit != 0) throw new InvalidOperationException($"dotnet pack {project} failed ({exit}):\n{output}");
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a tool process may still hold a file; the OS temp cleaner takes the rest
        }

        return ValueTask.CompletedTask;
    }
}
