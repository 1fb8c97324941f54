namespace Kaizen.LivingDoc.Review;

/// <summary>
/// Cucumber tag expressions (<c>@memory and not (@slow or @long-running)</c>): <c>not</c> binds tighter than <c>and</c>,
/// <c>and</c> tighter than <c>or</c>; parentheses group; <c>\</c> escapes the next character; tags match case-insensitively
/// and the <c>@</c> may be left out. Reqnroll 3.3.4 ships no parser for them; this one follows the page script's
/// (Rendering/Assets/script/03-tag-expression.js) so a filter selects the same scenarios on the command line and the page.
/// </summary>
internal sealed class TagExpression
{
    private readonly List<string> _tokens;
    private int _next;

    private TagExpression(List<string> tokens) => _tokens = tokens;

    /// <summary>A predicate over a scenario's tags; throws <see cref="FormatException"/> naming the mistake.</summary>
    public static Func<IReadOnlySet<string>, bool> Parse(string expression)
    {
        var parser = new TagExpression(Tokenize(expression));
        if (parser._tokens.Count == 0) throw new FormatException("the tag expression is empty");
        var result = parser.Or();
        if (parser._next < parser._tokens.Count) throw new FormatException($"unexpected \"{parser._tokens[parser._next]}\"");
        return result;
    }

    private static List<string> Tokenize(string source)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < source.Length; i++)
        {
            var ch = source[i];
            if (ch == '\\') { if (++i < source.Length) current.Append(source[i]); }
            else if (ch is '(' or ')') { Flush(); tokens.Add(ch.ToString()); }
            else if (char.IsWhiteSpace(ch)) Flush();
            else current.Append(ch);
        }
        Flush();
        return tokens;
    }

    private string? Peek => _next < _tokens.Count ? _tokens[_next] : null;

    private Func<IReadOnlySet<string>, bool> Or()
    {
        var left = And();
        while (Peek == "or")
        {
            _next++;
            var (a, b) = (left, And());
            left = tags => a(tags) || b(tags);
        }
        return left;
    }

    private Func<IReadOnlySet<string>, bool> And()
    {
        var left = Not();
        while (Peek == "and")
        {
            _next++;
            var (a, b) = (left, Not());
            left = tags => a(tags) && b(tags);
        }
        return left;
    }

    private Func<IReadOnlySet<string>, bool> Not()
    {
        var token = Peek ?? throw new FormatException("the tag expression ends too early");
        _next++;
        switch (token)
        {
            case "not":
                var operand = Not();
                return tags => !operand(tags);
            case "(":
                var inner = Or();
                if (Peek != ")") throw new FormatException("a \"(\" is not closed");
                _next++;
                return inner;
            case ")" or "and" or "or":
                throw new FormatException($"unexpected \"{token}\"");
            default:
                var tag = token.StartsWith('@') ? token : "@" + token;
                return tags => tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));
        }
    }
}
