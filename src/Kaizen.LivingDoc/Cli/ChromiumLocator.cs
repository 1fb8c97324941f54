namespace Kaizen.LivingDoc.Cli;

/// <summary>Finds a Chromium to print with: an explicit path, <c>KAIZEN_CHROMIUM</c>, or the usual names on PATH.</summary>
internal static class ChromiumLocator
{
    public const string Variable = "KAIZEN_CHROMIUM";
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string? Find(string? explicitPath)
    {
        if (explicitPath is { Length: > 0 }) return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment) return File.Exists(fromEnvironment) ? fromEnvironment : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    public static string MissingMessage(string? explicitPath) => explicitPath is { Length: > 0 }
        ? $"chromium not found at {explicitPath}"
        : $"no Chromium found (looked for {string.Join(", ", Names)} on PATH and ${Variable}): install Debian's chromium " +
          "('apt-get install -y chromium') or pass --chromium PATH; the page itself also prints from any browser (Print button)";
}
