using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.Ast;

namespace Kaizen.Bdd.Markdown;

/// <summary>
/// Reads Gherkin written in Markdown (MDG, <c>*.feature.md</c>) for Gherkin's parser, as Cucumber's reference
/// implementation does: headers (<c># Feature:</c>, <c>## Rule:</c>, <c>### Scenario:</c>, <c>#### Examples:</c>) are
/// keywords, bullets (<c>* Given …</c>) are steps, fenced code blocks are doc strings, tables indented 2–5 spaces are
/// data tables (GitHub table separator rows ignored), <c>`@tag`</c> code spans are tags, and any other Markdown is
/// ignored. There is no <c># language:</c> line: the language is the default one.
/// </summary>
public sealed class MarkdownTokenMatcher : ITokenMatcher
{
    private const string BulletPrefix = @"^(\s*[*+-]\s*)";
    private const string HeaderPrefix = @"^(#{1,6}\s)";
    private static readonly Regex DefaultDocStringSeparator = new("^(```[`]*)(.*)", RegexOptions.CultureInvariant);
    private static readonly Regex IndentedTableRow = new(@"^\s\s\s?\s?\s?\|", RegexOptions.CultureInvariant);
    private static readonly Regex TableSeparatorCell = new("^:?-+:?$", RegexOptions.CultureInvariant);
    private static readonly Regex CodeSpanTag = new("`(@[^`]+)`", RegexOptions.CultureInvariant);

    private readonly GherkinDialect _dialect;
    private readonly Regex _feature, _background, _rule, _scenario, _scenarioOutline, _examples, _step;
    private Regex _activeDocStringSeparator = DefaultDocStringSeparator;
    private int _indentToRemove;
    private bool _matchedFeatureLine;

    /// <summary>Creates a matcher for the given Gherkin language (e.g. <c>en</c>, <c>de</c>).</summary>
    /// <param name="language">A Gherkin dialect name.</param>
    /// <exception cref="NoSuchLanguageException">Gherkin does not know the language.</exception>
    public MarkdownTokenMatcher(string language = "en")
    {
        _dialect = new GherkinDialectProvider(language).DefaultDialect;
        _feature = TitleLine(HeaderPrefix, _dialect.FeatureKeywords, ":");
        _background = TitleLine(HeaderPrefix, _dialect.BackgroundKeywords, ":");
        _rule = TitleLine(HeaderPrefix, _dialect.RuleKeywords, ":");
        _scenario = TitleLine(HeaderPrefix, _dialect.ScenarioKeywords, ":");
        _scenarioOutline = TitleLine(HeaderPrefix, _dialect.ScenarioOutlineKeywords, ":");
        _examples = TitleLine(HeaderPrefix, _dialect.ExamplesKeywords, ":");
        var stepKeywords = _dialect.GivenStepKeywords.Concat(_dialect.WhenStepKeywords).Concat(_dialect.ThenStepKeywords)
            .Concat(_dialect.AndStepKeywords).Concat(_dialect.ButStepKeywords)
            .Where(k => k != "* ").Distinct()
            // Longest first, so "Given " cannot shadow a longer keyword that starts the same way.
            .OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal);
        _step = TitleLine(BulletPrefix, stepKeywords, "");
    }

    /// <inheritdoc />
    public void Reset()
    {
        _activeDocStringSeparator = DefaultDocStringSeparator;
        _indentToRemove = 0;
        _matchedFeatureLine = false;
    }

    /// <inheritdoc />
    public bool Match_EOF(Token token)
    {
        var matched = token.IsEOF;
        if (matched) token.MatchedType = TokenType.EOF;
        return SetMatched(token, null, matched);
    }

    /// <summary>Markdown features have no <c># language:</c> line (it would be a header).</summary>
    /// <param name="token">The token.</param>
    public bool Match_Language(Token token) => false;

    /// <summary>Blank lines, and any Markdown that is not Gherkin (prose, lists, unindented tables), are empty lines.</summary>
    /// <param name="token">The token.</param>
    public bool Match_Empty(Token token)
    {
        var matched = token.Line.IsEmpty() || !MatchesAnythingElse(token);
        if (matched) token.MatchedType = TokenType.Empty;
        return SetMatched(token, null, matched);
    }

    /// <summary>
    /// A GitHub table separator row (<c>| --- | :-: |</c>) is consumed where a comment may stand, but it is table
    /// formatting, not a comment: like Cucumber's reference parser, it is not reported in the document's comments.
    /// </summary>
    /// <param name="token">The token.</param>
    public bool Match_Comment(Token token)
    {
        var matched = token.Line.StartsWith("|") && IsTableSeparator(token.Line);
        if (matched) token.MatchedType = TokenType.None;
        return SetMatched(token, null, matched);
    }

    /// <inheritdoc />
    public bool Match_Other(Token token)
    {
        token.MatchedType = TokenType.Other;
        token.MatchedText = token.Line.GetLineText(_indentToRemove);
        token.MatchedIndent = 0;
        return SetMatched(token, 0, true);
    }

    /// <summary>A fence (<c>```</c> with an optional media type) opens a doc string; the same fence closes it.</summary>
    /// <param name="token">The token.</param>
    public bool Match_DocStringSeparator(Token token)
    {
        var match = _activeDocStringSeparator.Match(token.Line.GetLineText(-1));
        var matched = match.Success && match.Groups[1].Length > 0;
        if (matched)
        {
            var separator = match.Groups[1].Value;
            if (ReferenceEquals(_activeDocStringSeparator, DefaultDocStringSeparator))
            {
                _activeDocStringSeparator = new Regex($"^({Regex.Escape(separator)})$", RegexOptions.CultureInvariant);
                _indentToRemove = token.Line.Indent;
            }
            else
            {
                _activeDocStringSeparator = DefaultDocStringSeparator;
            }
            token.MatchedType = TokenType.DocStringSeparator;
            token.MatchedKeyword = separator;
            token.MatchedText = match.Groups.Count > 2 ? match.Groups[2].Value : string.Empty;
        }
        return SetMatched(token, null, matched);
    }

    /// <summary>
    /// <c># Feature: title</c>; if the document does not start with one, its first line is the feature line anyway,
    /// so any Markdown document is a feature.
    /// </summary>
    /// <param name="token">The token.</param>
    public bool Match_FeatureLine(Token token)
    {
        if (_matchedFeatureLine) return SetMatched(token, null, false);
        var matched = MatchTitle(_feature, token, TokenType.FeatureLine);
        if (!matched)
        {
            token.MatchedType = TokenType.FeatureLine;
            token.MatchedText = token.Line.GetLineText(-1);
            matched = SetMatched(token, null, true);
        }
        _matchedFeatureLine = matched;
        return matched;
    }

    /// <inheritdoc />
    public bool Match_BackgroundLine(Token token) => MatchTitle(_background, token, TokenType.BackgroundLine);

    /// <inheritdoc />
    public bool Match_RuleLine(Token token) => MatchTitle(_rule, token, TokenType.RuleLine);

    /// <inheritdoc />
    public bool Match_ScenarioLine(Token token) =>
        MatchTitle(_scenario, token, TokenType.ScenarioLine) || MatchTitle(_scenarioOutline, token, TokenType.ScenarioLine);

    /// <inheritdoc />
    public bool Match_ExamplesLine(Token token) => MatchTitle(_examples, token, TokenType.ExamplesLine);

    /// <inheritdoc />
    public bool Match_StepLine(Token token) => MatchTitle(_step, token, TokenType.StepLine);

    /// <summary>Rows of tables indented 2–5 spaces (so ordinary Markdown tables stay prose), separator rows excluded.</summary>
    /// <param name="token">The token.</param>
    public bool Match_TableRow(Token token)
    {
        if (!IndentedTableRow.IsMatch(token.Line.GetLineText(0)) || IsTableSeparator(token.Line)) return false;
        token.MatchedType = TokenType.TableRow;
        token.MatchedKeyword = "|";
        return SetMatched(token, null, true);
    }

    /// <summary>Tags are code spans: <c>`@smoke` `@slow`</c>.</summary>
    /// <param name="token">The token.</param>
    public bool Match_TagLine(Token token)
    {
        var text = token.Line.GetLineText(0);
        var tags = CodeSpanTag.Matches(text);
        if (tags.Count == 0) return false;
        // Gherkin's AST builder reads tags from the line itself: hand it a plain tag line with every tag at its column.
        var plain = new char[text.Length];
        Array.Fill(plain, ' ');
        foreach (Match tag in tags)
            tag.Groups[1].Value.CopyTo(0, plain, tag.Groups[1].Index, tag.Groups[1].Length);
        token.Line = new GherkinLine(new string(plain), token.Line.LineNumber);
        token.MatchedType = TokenType.TagLine;
        return SetMatched(token, null, true);
    }

    private bool MatchesAnythingElse(Token token)
    {
        // The original line is kept: a tag-line match would otherwise rewrite it.
        var line = token.Line;
        var anything = Match_TagLine(token) || Match_FeatureLine(token) || Match_ScenarioLine(token) || Match_BackgroundLine(token)
            || Match_ExamplesLine(token) || Match_RuleLine(token) || Match_TableRow(token) || Match_Comment(token)
            || Match_Language(token) || Match_DocStringSeparator(token) || Match_EOF(token) || Match_StepLine(token);
        token.Line = line;
        return anything;
    }

    private bool MatchTitle(Regex pattern, Token token, TokenType type)
    {
        var match = pattern.Match(token.Line.GetLineText(-1));
        if (!match.Success) return SetMatched(token, null, false);
        token.MatchedType = type;
        token.MatchedKeyword = match.Groups[2].Value;
        token.MatchedText = match.Groups[3].Value.Trim();
        return SetMatched(token, token.Line.Indent + match.Groups[1].Length, true);
    }

    private bool SetMatched(Token token, int? indent, bool matched)
    {
        token.MatchedGherkinDialect = _dialect;
        token.MatchedIndent = indent ?? (token.IsEOF ? 0 : token.Line.Indent);
        token.Location = new Location(token.Location.Line, token.MatchedIndent + 1);
        return matched;
    }

    private static bool IsTableSeparator(GherkinLine line)
    {
        foreach (var cell in line.GetTableCells())
            if (TableSeparatorCell.IsMatch(cell.Text)) return true;
        return false;
    }

    private static Regex TitleLine(string prefix, IEnumerable<string> keywords, string suffix) =>
        new($"{prefix}({string.Join('|', keywords.Select(Regex.Escape))}){Regex.Escape(suffix)}(.*)", RegexOptions.CultureInvariant);
}
