namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// What to render: a feature folder (or null to use the runs' own sources), runs oldest first, output and options;
/// with a reviews file, the page also shows each scenario's review state.
/// </summary>
internal sealed record RenderRequest(
    string? FeaturesFolder, IReadOnlyList<string> MessageFiles, string OutputFile, string Title, string? ConfigFile, string? ReviewsFile = null);
