using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Expressions;

/// <summary>One argument captured from a step's text.</summary>
/// <param name="Value">The text handed to conversion (for <c>{string}</c>: without quotes, unescaped); null when an optional group did not match.</param>
/// <param name="GroupValues">Values of the argument's inner capture groups (for transformations taking several parameters).</param>
/// <param name="ParameterType">The parameter type, when known.</param>
/// <param name="Group">The match as a Cucumber Messages group tree.</param>
internal sealed record MatchedArgument(string? Value, IReadOnlyList<string?> GroupValues, ParameterTypeDefinition? ParameterType, Group Group);
