using System.Globalization;

namespace Kaizen.Specs.Memory;

/// <summary>
/// A numbered run of turn texts written in a step as <c>"Message 0" to "Message 9"</c>: a common prefix and
/// consecutive numbers.
/// </summary>
public sealed record TurnRange(string Prefix, int First, int Last)
{
    /// <summary>Number of texts in the range.</summary>
    public int Count => Last - First + 1;

    /// <summary>The texts, in order.</summary>
    public IEnumerable<string> Texts => Enumerable.Range(First, Count).Select(n => Prefix + n.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads <c>"Message 0"</c> and <c>"Message 9"</c>; checks that the count written in the step matches.</summary>
    public static TurnRange Parse(string first, string last, int? expectedCount = null)
    {
        var (prefix, from) = Split(first);
        var (lastPrefix, to) = Split(last);
        if (prefix != lastPrefix)
            throw new ArgumentException($"The turns \"{first}\" and \"{last}\" must share their text before the number.");
        if (to < from)
            throw new ArgumentException($"The range \"{first}\" to \"{last}\" runs backwards.");
        var range = new TurnRange(prefix, from, to);
        if (expectedCount is { } count && count != range.Count)
            throw new ArgumentException($"The step says {count} turns but \"{first}\" to \"{last}\" are {range.Count}.");
        return range;
    }

    private static (string Prefix, int Number) Split(string text)
    {
        var digits = text.Length;
        while (digits > 0 && char.IsAsciiDigit(text[digits - 1])) digits--;
        if (digits == text.Length)
            throw new ArgumentException($"The turn \"{text}\" should end with a number, like \"Message 0\".");
        return (text[..digits], int.Parse(text[digits..], CultureInfo.InvariantCulture));
    }
}
