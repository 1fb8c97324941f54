namespace Kaizen.Bdd.Tags;

/// <summary>
/// A parsed Cucumber tag expression such as <c>@smoke and not (@slow or @wip)</c>.
/// Precedence, highest first: <c>not</c>, <c>and</c>, <c>or</c>; <c>and</c>/<c>or</c> associate to the left.
/// Tags are compared exactly (with their <c>@</c>); <c>\(</c>, <c>\)</c>, <c>\\</c> and <c>\ </c> escape inside a tag.
/// </summary>
public abstract class TagExpression
{
    /// <summary>The expression of an empty filter: matches every tag set.</summary>
    public static TagExpression True { get; } = new TrueExpression();

    /// <summary>Parses a tag expression; an empty or blank string gives <see cref="True"/>.</summary>
    /// <param name="expression">The expression text.</param>
    /// <exception cref="TagExpressionException">Syntax error, with the position and what was expected.</exception>
    public static TagExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return TagExpressionParser.Parse(expression);
    }

    /// <summary>True when the tags satisfy the expression.</summary>
    /// <param name="tags">The tags of a scenario (feature, rule, scenario and examples tags), e.g. <c>@smoke</c>.</param>
    public bool Evaluate(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return Evaluate(tags as IReadOnlySet<string> ?? new HashSet<string>(tags, StringComparer.Ordinal));
    }

    internal abstract bool Evaluate(IReadOnlySet<string> tags);

    private sealed class TrueExpression : TagExpression
    {
        internal override bool Evaluate(IReadOnlySet<string> tags) => true;
        public override string ToString() => "true";
    }
}

internal sealed class TagLiteral(string tag) : TagExpression
{
    internal override bool Evaluate(IReadOnlySet<string> tags) => tags.Contains(tag);
    public override string ToString() => tag.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)").Replace(" ", "\\ ");
}

internal sealed class NotExpression(TagExpression operand) : TagExpression
{
    internal override bool Evaluate(IReadOnlySet<string> tags) => !operand.Evaluate(tags);
    public override string ToString() => $"not ( {operand} )";
}

internal sealed class AndExpression(TagExpression left, TagExpression right) : TagExpression
{
    internal override bool Evaluate(IReadOnlySet<string> tags) => left.Evaluate(tags) && right.Evaluate(tags);
    public override string ToString() => $"( {left} and {right} )";
}

internal sealed class OrExpression(TagExpression left, TagExpression right) : TagExpression
{
    internal override bool Evaluate(IReadOnlySet<string> tags) => left.Evaluate(tags) || right.Evaluate(tags);
    public override string ToString() => $"( {left} or {right} )";
}
