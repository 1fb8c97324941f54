using System.Text.RegularExpressions;
using Kaizen.LivingDoc.Model;

namespace Kaizen.LivingDoc.Review;

/// <summary>
/// Compares the reviewed text of a scenario with its current text: lines are matched first (longest common
/// subsequence), then each removed line is paired with the added line in its place and compared word by word.
/// </summary>
internal static partial class WordDiff
{
    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> reviewed, IReadOnlyList<string> current)
    {
        var result = new List<DiffLine>();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            var paired = Math.Min(removed.Count, added.Count);
            for (var i = 0; i < paired; i++) result.Add(new DiffLine(DiffOps.Changed, Words(removed[i], added[i])));
            result.AddRange(removed.Skip(paired).Select(l => new DiffLine(DiffOps.Removed, [new DiffPart(DiffOps.Removed, l)])));
            result.AddRange(added.Skip(paired).Select(l => new DiffLine(DiffOps.Added, [new DiffPart(DiffOps.Added, l)])));
            removed.Clear();
            added.Clear();
        }
        foreach (var (op, text) in Align(reviewed, current))
        {
            if (op == DiffOps.Same)
            {
                Flush();
                result.Add(new DiffLine(DiffOps.Same, [new DiffPart(DiffOps.Same, text)]));
            }
            else (op == DiffOps.Removed ? removed : added).Add(text);
        }
        Flush();
        return result;
    }

    /// <summary>Word-level parts of one changed line; runs of the same operation are merged.</summary>
    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var parts = new List<DiffPart>();
        foreach (var (op, token) in Align(Tokens().Matches(before).Select(m => m.Value).ToList(), Tokens().Matches(after).Select(m => m.Value).ToList()))
        {
            if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = parts[^1] with { Text = parts[^1].Text + token };
            else parts.Add(new DiffPart(op, token));
        }
        return parts;
    }

    // Classic LCS table, then a walk from the start: removals before additions at each difference.
    private static List<(string Op, string Text)> Align(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var ops = new List<(string, string)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y]) { ops.Add((DiffOps.Same, a[x])); x++; y++; }
            else if (y >= b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1])) ops.Add((DiffOps.Removed, a[x++]));
            else ops.Add((DiffOps.Added, b[y++]));
        }
        return ops;
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Tokens();
}
