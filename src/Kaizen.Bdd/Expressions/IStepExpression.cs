using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Expressions;

/// <summary>A compiled step definition expression.</summary>
internal interface IStepExpression
{
    /// <summary>The expression as written.</summary>
    string Source { get; }

    /// <summary>Cucumber Expression or regular expression.</summary>
    StepDefinitionPatternType PatternType { get; }

    /// <summary>The arguments when <paramref name="stepText"/> matches, otherwise null.</summary>
    IReadOnlyList<MatchedArgument>? Match(string stepText);
}
