namespace Kaizen.Bdd.Running;

/// <summary>A feature file's text and the uri it is reported under (e.g. <c>features/memory/hot_tier.feature</c>).</summary>
/// <param name="Uri">The uri written in the messages (relative, forward slashes).</param>
/// <param name="Text">The Gherkin source.</param>
public sealed record FeatureSource(string Uri, string Text);
