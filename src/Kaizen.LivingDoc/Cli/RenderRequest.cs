namespace Kaizen.LivingDoc.Cli;

/// <summary>What to render: a feature folder (or null to use the runs' own sources), runs oldest first, output and options.</summary>
internal sealed record RenderRequest(
    string? FeaturesFolder, IReadOnlyList<string> MessageFiles, string OutputFile, string Title, string? ConfigFile);
