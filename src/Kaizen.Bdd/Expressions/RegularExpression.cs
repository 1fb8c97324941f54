using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Expressions;

/// <summary>A regex step definition: matched against the whole step text; each top-level capture group is one argument.</summary>
internal sealed class RegularExpression : IStepExpression
{
    private readonly Regex _regex;
    private readonly RegexGroupTree _tree;

    public RegularExpression(string source)
    {
        Source = source;
        var body = source.StartsWith('^') ? source[1..] : source;
        if (body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal)) body = body[..^1];
        var pattern = "^(?:" + body + ")$";
        _regex = new Regex(pattern, RegexOptions.CultureInvariant);
        _tree = RegexGroupTree.Parse(pattern);
    }

    public string Source { get; }

    public StepDefinitionPatternType PatternType => StepDefinitionPatternType.REGULAR_EXPRESSION;

    public IReadOnlyList<MatchedArgument>? Match(string stepText)
    {
        var match = _regex.Match(stepText);
        if (!match.Success) return null;
        return _tree.TopLevel
            .Select(index => new MatchedArgument(
                match.Groups[index].Success ? match.Groups[index].Value : null,
                _tree.NestedValues(match, index),
                null,
                _tree.ToMessageGroup(match, index)))
            .ToList();
    }
}
