namespace Kaizen.Bdd;

/// <summary>What a feature file declares.</summary>
/// <param name="Title">The feature title.</param>
/// <param name="Description">The free text under the title.</param>
/// <param name="Tags">Feature tags, with their <c>@</c>.</param>
/// <param name="Language">The Gherkin language (e.g. <c>en</c>).</param>
/// <param name="Uri">The feature file's uri as written in the messages.</param>
public sealed record FeatureInfo(string Title, string Description, IReadOnlyList<string> Tags, string Language, string Uri);
