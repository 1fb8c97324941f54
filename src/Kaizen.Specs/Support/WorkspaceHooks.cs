using Reqnroll;

namespace Kaizen.Specs.Support;

/// <summary>Cleans the scenario's data folder after it passed, and keeps it (printing where) after it failed.</summary>
[Binding]
public sealed class WorkspaceHooks(ScenarioWorkspace workspace, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    /// <summary>Runs last among the after-scenario hooks, once every other hook has used the files.</summary>
    [AfterScenario(Order = 100_000)]
    public async Task CloseAndCleanAsync()
    {
        var errors = await workspace.CloseResourcesAsync();
        foreach (var error in errors) output.WriteLine($"Closing a scenario resource failed: {error.Message}");

        if (scenario.ScenarioExecutionStatus is ScenarioExecutionStatus.OK or ScenarioExecutionStatus.Skipped && errors.Count == 0)
        {
            TryDelete(workspace.DataFolder);
            return;
        }
        output.WriteLine($"Scenario data kept at: {workspace.DataFolder}");
    }

    private void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException error)
        {
            output.WriteLine($"Could not delete the scenario data folder {folder}: {error.Message}");
        }
        catch (UnauthorizedAccessException error)
        {
            output.WriteLine($"Could not delete the scenario data folder {folder}: {error.Message}");
        }
    }
}
