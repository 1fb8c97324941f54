using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Expressions;

/// <summary>A compiled Cucumber Expression.</summary>
internal sealed class CucumberExpression : IStepExpression
{
    private readonly Regex _regex;
    private readonly RegexGroupTree _tree;
    private readonly List<ParameterTypeDefinition> _parameterTypes;

    public CucumberExpression(string source, Func<string, int, ParameterTypeDefinition?> resolve)
    {
        Source = source;
        var pattern = CucumberExpressionCompiler.Compile(source, resolve, out _parameterTypes);
        _regex = new Regex(pattern, RegexOptions.CultureInvariant);
        _tree = RegexGroupTree.Parse(pattern);
    }

    public string Source { get; }

    public StepDefinitionPatternType PatternType => StepDefinitionPatternType.CUCUMBER_EXPRESSION;

    public IReadOnlyList<ParameterTypeDefinition> ParameterTypes => _parameterTypes;

    public IReadOnlyList<MatchedArgument>? Match(string stepText)
    {
        var match = _regex.Match(stepText);
        if (!match.Success) return null;
        var arguments = new List<MatchedArgument>(_parameterTypes.Count);
        for (var p = 0; p < _parameterTypes.Count; p++)
        {
            var index = _tree.TopLevel[p];
            var type = _parameterTypes[p];
            var nested = _tree.NestedValues(match, index);
            var value = match.Groups[index].Value;
            if (type.IsQuotedString) value = Unquote(nested);
            arguments.Add(new MatchedArgument(value, nested, type, _tree.ToMessageGroup(match, index)));
        }
        return arguments;
    }

    private static string Unquote(IReadOnlyList<string?> nested)
    {
        var doubleQuoted = nested.Count > 0 ? nested[0] : null;
        return doubleQuoted is not null
            ? doubleQuoted.Replace("\\\"", "\"", StringComparison.Ordinal)
            : ((nested.Count > 2 ? nested[2] : null) ?? string.Empty).Replace("\\'", "'", StringComparison.Ordinal);
    }
}
