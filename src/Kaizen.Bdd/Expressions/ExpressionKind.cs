using System.Text.RegularExpressions;

namespace Kaizen.Bdd.Expressions;

/// <summary>
/// Tells a regex from a Cucumber Expression the way Reqnroll does: <c>^…</c> or <c>…$</c> is a regex; a <c>{parameter}</c>
/// makes it a Cucumber Expression; regex-only syntax (<c>.*</c>, <c>\d</c>, character classes, <c>(?:</c>, quantifiers) makes it a regex.
/// </summary>
internal static partial class ExpressionKind
{
    public static bool IsRegex(string expression)
    {
        if (expression.StartsWith('^') || (expression.EndsWith('$') && !expression.EndsWith("\\$", StringComparison.Ordinal))) return true;
        if (CucumberParameter().IsMatch(expression)) return false;
        return RegexOnlySyntax().IsMatch(expression);
    }

    [GeneratedRegex(@"(?<!\\)\{[^{}\s]*\}")]
    private static partial Regex CucumberParameter();

    [GeneratedRegex(@"\.\*|\.\+|\\[dDwWsSbB.]|(?<!\\)\[|\(\?|(?<!\\)[+*]|\|")]
    private static partial Regex RegexOnlySyntax();
}
