using System.Text;
using System.Text.RegularExpressions;

namespace Kaizen.Bdd.Snippets;

/// <summary>
/// Writes a C# binding for an undefined step in Cucumber Expression style: quoted text becomes <c>{string}</c>,
/// whole integers <c>{int}</c>, decimals <c>{float}</c>; the table or doc string, if any, is the last parameter.
/// </summary>
public static partial class StepSnippetGenerator
{
    /// <summary>Generates the snippet.</summary>
    /// <param name="keyword">Given, When or Then (resolve And/But/* to the previous keyword first); anything else becomes Given.</param>
    /// <param name="stepText">The step text without keyword.</param>
    /// <param name="argument">Whether the step carries a data table or doc string.</param>
    public static StepSnippet Generate(string keyword, string stepText, StepArgumentKind argument = StepArgumentKind.None)
    {
        ArgumentNullException.ThrowIfNull(stepText);
        var attribute = NormalizeKeyword(keyword);
        var expression = new StringBuilder();
        var parameters = new List<SnippetParameter>();
        var nameWords = new List<string> { attribute };
        var names = new ParameterNames();

        var position = 0;
        foreach (Match match in ParameterPattern().Matches(stepText))
        {
            var before = stepText[position..match.Index];
            expression.Append(EscapeLiteral(before));
            nameWords.AddRange(Words(before));
            var after = stepText[(match.Index + match.Length)..];
            if (match.Groups["dq"].Success || match.Groups["sq"].Success)
            {
                expression.Append("{string}");
                parameters.Add(new SnippetParameter("string", names.Take(LastWord(before) ?? "text")));
            }
            else if (match.Groups["dec"].Success)
            {
                expression.Append("{float}");
                parameters.Add(new SnippetParameter("float", names.Take(FirstWord(after) ?? "number")));
            }
            else
            {
                expression.Append("{int}");
                parameters.Add(new SnippetParameter("int", names.Take(FirstWord(after) ?? "number")));
            }
            position = match.Index + match.Length;
        }
        var tail = stepText[position..];
        expression.Append(EscapeLiteral(tail));
        nameWords.AddRange(Words(tail));

        if (argument == StepArgumentKind.DataTable) parameters.Add(new SnippetParameter("DataTable", names.Take("dataTable")));
        if (argument == StepArgumentKind.DocString) parameters.Add(new SnippetParameter("DocString", names.Take("docString")));

        return new StepSnippet(attribute, expression.ToString(), MethodName(nameWords), parameters);
    }

    private static string NormalizeKeyword(string keyword) => keyword.Trim() switch
    {
        var k when k.Equals("When", StringComparison.OrdinalIgnoreCase) => "When",
        var k when k.Equals("Then", StringComparison.OrdinalIgnoreCase) => "Then",
        _ => "Given",
    };

    // Cucumber Expressions treat (, {, / and \ as syntax; a backslash makes them literal.
    private static string EscapeLiteral(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '(' or '{' or '/' or '\\') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value);

    private static string? FirstWord(string text) =>
        WordPattern().Match(text) is { Success: true } m && m.Index <= 1 && char.IsLetter(m.Value[0]) ? m.Value : null;

    private static string? LastWord(string text)
    {
        var words = WordPattern().Matches(text);
        if (words.Count == 0) return null;
        var last = words[^1];
        return text[(last.Index + last.Length)..].Trim().Length == 0 && char.IsLetter(last.Value[0]) ? last.Value : null;
    }

    private static string MethodName(IEnumerable<string> words)
    {
        var name = new StringBuilder();
        foreach (var word in words)
            name.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
        return name.ToString();
    }

    [GeneratedRegex("\"(?<dq>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"|'(?<sq>[^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|(?<![\\w.])(?<dec>-?\\d*\\.\\d+)(?![\\w.])|(?<![\\w.])(?<int>-?\\d+)(?![\\w.])")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"[\p{L}_][\p{L}\p{Nd}_]*|\p{Nd}+")]
    private static partial Regex WordPattern();
}
