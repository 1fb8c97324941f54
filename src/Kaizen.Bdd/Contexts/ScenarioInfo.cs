namespace Kaizen.Bdd;

/// <summary>What one scenario (or one Examples row of an outline) declares.</summary>
/// <param name="Title">The scenario title (placeholders of outlines substituted).</param>
/// <param name="Description">The free text under the title.</param>
/// <param name="Tags">The scenario's own and inherited tags, with their <c>@</c>.</param>
/// <param name="Arguments">For an Examples row: column header to value; otherwise empty.</param>
/// <param name="OutlineTitle">The scenario or outline title as written (placeholders kept).</param>
public sealed record ScenarioInfo(
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Arguments,
    string OutlineTitle);
