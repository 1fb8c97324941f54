using System.Text;

namespace Kaizen.Bdd.Tags;

internal enum TagTokenKind { Tag, And, Or, Not, Open, Close, End }

internal readonly record struct TagToken(TagTokenKind Kind, string Text, int Position)
{
    public string Describe() => Kind switch
    {
        TagTokenKind.End => "the end of the expression",
        TagTokenKind.Tag => $"tag '{Text}'",
        _ => $"'{Text}'",
    };
}

/// <summary>Splits a tag expression into tokens; whitespace separates, parentheses stand alone, backslash escapes.</summary>
internal static class TagExpressionTokenizer
{
    public static List<TagToken> Tokenize(string expression)
    {
        var tokens = new List<TagToken>();
        var word = new StringBuilder();
        var wordStart = -1;
        var wordHadEscape = false;

        void FlushWord()
        {
            if (wordStart < 0) return;
            var text = word.ToString();
            var kind = wordHadEscape ? TagTokenKind.Tag : text switch
            {
                "and" => TagTokenKind.And,
                "or" => TagTokenKind.Or,
                "not" => TagTokenKind.Not,
                _ => TagTokenKind.Tag,
            };
            tokens.Add(new TagToken(kind, text, wordStart));
            word.Clear();
            wordStart = -1;
            wordHadEscape = false;
        }

        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\\')
            {
                if (i + 1 >= expression.Length)
                    throw new TagExpressionException(expression, i, "a backslash must be followed by '(', ')', '\\' or a space, but the expression ends.");
                var next = expression[i + 1];
                if (next is not ('(' or ')' or '\\') && !char.IsWhiteSpace(next))
                    throw new TagExpressionException(expression, i, $"illegal escape '\\{next}': only '\\(', '\\)', '\\\\' and '\\ ' are allowed.");
                if (wordStart < 0) wordStart = i;
                word.Append(next);
                wordHadEscape = true;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                FlushWord();
            }
            else if (c is '(' or ')')
            {
                FlushWord();
                tokens.Add(new TagToken(c == '(' ? TagTokenKind.Open : TagTokenKind.Close, c.ToString(), i));
            }
            else
            {
                if (wordStart < 0) wordStart = i;
                word.Append(c);
            }
        }
        FlushWord();
        tokens.Add(new TagToken(TagTokenKind.End, string.Empty, expression.Length));
        return tokens;
    }
}
