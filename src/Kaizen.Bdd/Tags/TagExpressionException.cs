namespace Kaizen.Bdd.Tags;

/// <summary>A tag expression could not be parsed.</summary>
public sealed class TagExpressionException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expression">The whole expression.</param>
    /// <param name="position">Zero-based character position of the problem.</param>
    /// <param name="problem">What was expected or found.</param>
    public TagExpressionException(string expression, int position, string problem)
        : base($"Tag expression \"{expression}\" is invalid at position {position + 1}: {problem}\n  {expression}\n  {new string(' ', position)}^")
    {
        Expression = expression;
        Position = position;
        Problem = problem;
    }

    /// <summary>The expression that failed to parse.</summary>
    public string Expression { get; }

    /// <summary>Zero-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>What was expected or found, without the position.</summary>
    public string Problem { get; }
}
