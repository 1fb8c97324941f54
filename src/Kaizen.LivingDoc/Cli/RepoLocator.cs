namespace Kaizen.LivingDoc.Cli;

/// <summary>Finds the repository root: the nearest folder (from the current one upwards) holding Kaizen.sln.</summary>
internal static class RepoLocator
{
    public const string SolutionFile = "Kaizen.sln";

    public static string? Find(string startFolder)
    {
        for (var dir = new DirectoryInfo(startFolder); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }

    public static string FindOrThrow(string startFolder) => Find(startFolder)
        ?? throw new LivingDocInputException($"no {SolutionFile} found in {startFolder} or any parent folder: run from inside the Kaizen.NET repository");
}
