namespace Kaizen.Bdd.Tags;

/// <summary>Recursive-descent parser: or-expression := and-expression ('or' and-expression)*, and so on down to 'not' and tags.</summary>
internal sealed class TagExpressionParser
{
    private readonly string _expression;
    private readonly List<TagToken> _tokens;
    private int _next;

    private TagExpressionParser(string expression)
    {
        _expression = expression;
        _tokens = TagExpressionTokenizer.Tokenize(expression);
    }

    public static TagExpression Parse(string expression)
    {
        var parser = new TagExpressionParser(expression);
        if (parser.Peek.Kind == TagTokenKind.End) return TagExpression.True;
        var result = parser.ParseOr();
        var rest = parser.Peek;
        if (rest.Kind == TagTokenKind.Close)
            throw parser.Error(rest, "')' has no matching '('.");
        if (rest.Kind != TagTokenKind.End)
            throw parser.Error(rest, $"expected 'and', 'or' or ')' but found {rest.Describe()}.");
        return result;
    }

    private TagToken Peek => _tokens[_next];

    private TagToken Take() => _tokens[_next++];

    private TagExpression ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == TagTokenKind.Or)
        {
            Take();
            left = new OrExpression(left, ParseAnd());
        }
        return left;
    }

    private TagExpression ParseAnd()
    {
        var left = ParseNot();
        while (Peek.Kind == TagTokenKind.And)
        {
            Take();
            left = new AndExpression(left, ParseNot());
        }
        return left;
    }

    private TagExpression ParseNot()
    {
        if (Peek.Kind != TagTokenKind.Not) return ParseOperand();
        Take();
        return new NotExpression(ParseNot());
    }

    private TagExpression ParseOperand()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TagTokenKind.Tag:
                return new TagLiteral(token.Text);
            case TagTokenKind.Open:
                var inner = ParseOr();
                var close = Take();
                if (close.Kind != TagTokenKind.Close)
                    throw Error(close, close.Kind == TagTokenKind.End
                        ? $"'(' at position {token.Position + 1} is never closed; expected ')'."
                        : $"expected 'and', 'or' or ')' but found {close.Describe()}.");
                return inner;
            default:
                throw Error(token, $"expected a tag, 'not' or '(' but found {token.Describe()}.");
        }
    }

    private TagExpressionException Error(TagToken token, string problem) => new(_expression, token.Position, problem);
}
