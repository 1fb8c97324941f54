using Io.Cucumber.Messages.Types;

namespace Kaizen.LivingDoc.Features;

/// <summary>A parsed feature file: its path relative to the feature folder, its AST (with ids) and its pickles.</summary>
internal sealed record LoadedFeature(string RelativePath, GherkinDocument Document, IReadOnlyList<Pickle> Pickles);
