using Kaizen.Bdd.Expressions;

namespace Kaizen.Bdd.Bindings;

/// <summary>The outcome of looking up a step's definition.</summary>
internal enum StepMatchKind { Matched, Undefined, Ambiguous }

/// <summary>A candidate definition with the arguments it captured.</summary>
internal sealed record StepCandidate(StepDefinitionBinding Binding, IReadOnlyList<MatchedArgument> Arguments);

/// <summary>The definition(s) found for one step.</summary>
internal sealed record StepMatch(StepMatchKind Kind, IReadOnlyList<StepCandidate> Candidates)
{
    public StepCandidate Single => Candidates[0];
}
