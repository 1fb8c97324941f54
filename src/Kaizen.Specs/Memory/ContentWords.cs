namespace Kaizen.Specs.Memory;

/// <summary>The words of a text that carry meaning: lower-cased, without function words and possessive endings.</summary>
internal static class ContentWords
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "before",
        "after", "when", "whenever", "why", "what", "how", "does", "do", "did", "is", "are", "was", "be", "it", "its", "our",
        "we", "you", "they", "this", "that", "there", "then", "each", "every", "two", "once", "out", "up", "say",
    };

    public static HashSet<string> Of(string text) =>
        text.ToLowerInvariant()
            .Split(text.Where(c => !char.IsLetterOrDigit(c) && c != '\'').Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.Trim('\''))
            .Where(word => word.Length > 0 && !FunctionWords.Contains(word))
            .ToHashSet(StringComparer.Ordinal);
}
