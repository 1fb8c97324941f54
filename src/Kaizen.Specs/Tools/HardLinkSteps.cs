using System.Diagnostics;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Tools;

/// <summary>A workspace file that also has a name outside the workspace (a hard link), made with the system's <c>ln</c>.</summary>
[Binding]
public sealed class HardLinkSteps(ToolWorld tools, ScenarioWorkspace workspace)
{
    private string? _outsideName;

    [Given("{string} also has a name outside the workspace, {string} \\(a hard link)")]
    public void SecondName(string file, string outside)
    {
        _outsideName = Path.Combine(workspace.FolderOf(Path.GetDirectoryName(outside)!), Path.GetFileName(outside));
        using var ln = Process.Start(new ProcessStartInfo("ln", [tools.PathOf(file), _outsideName]) { RedirectStandardError = true })!;
        ln.WaitForExit();
        ln.ExitCode.Should().Be(0, "ln made the second name: {0}", ln.StandardError.ReadToEnd());
    }

    [Then("the file's name outside the workspace still holds {string}")]
    public void OutsideStillHolds(string text) =>
        File.ReadAllText(_outsideName ?? throw new InvalidOperationException("No second name was made.")).Should().Be(text);
}
