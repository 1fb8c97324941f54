namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// The standard Cucumber HTML report Reqnroll's HTML formatter writes for a run, kept beside the living doc as
/// <see cref="FileName"/> and linked from its header.
/// </summary>
internal static class CucumberReport
{
    public const string FileName = "cucumber-report.html";

    /// <summary>Moves the run's report (if the formatter wrote one) beside <paramref name="page"/>.</summary>
    public static void Keep(string reportFile, string page)
    {
        if (!File.Exists(reportFile)) return;
        if (new FileInfo(reportFile).Length == 0)
        {
            File.Delete(reportFile);
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(page)) ?? ".";
        Directory.CreateDirectory(folder);
        File.Move(reportFile, Path.Combine(folder, FileName), overwrite: true);
    }
}
