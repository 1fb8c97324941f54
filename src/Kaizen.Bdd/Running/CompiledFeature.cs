using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Running;

/// <summary>A parsed feature: its messages and scenarios (pickles), or the parse errors.</summary>
internal sealed class CompiledFeature
{
    public required FeatureSource Source { get; init; }
    public GherkinDocument? Document { get; init; }
    public IReadOnlyList<Pickle> Pickles { get; init; } = [];
    public IReadOnlyList<ParseError> ParseErrors { get; init; } = [];
    public FeatureInfo? Info { get; init; }

    /// <summary>Outline title and Examples row (header to value) by pickle id.</summary>
    public IReadOnlyDictionary<string, (string OutlineTitle, string Description, IReadOnlyDictionary<string, string> Arguments)> ScenarioDetails { get; init; } =
        new Dictionary<string, (string, string, IReadOnlyDictionary<string, string>)>();
}
