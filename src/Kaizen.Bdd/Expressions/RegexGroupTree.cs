using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;
using RegexGroup = System.Text.RegularExpressions.Group;
using MessageGroup = Io.Cucumber.Messages.Types.Group;

namespace Kaizen.Bdd.Expressions;

/// <summary>
/// The nesting of a regex's numbered capture groups, used to report a match as Cucumber's group tree
/// (a group's children are the capture groups opened inside it).
/// </summary>
internal sealed class RegexGroupTree
{
    private readonly List<int>[] _children;

    private RegexGroupTree(List<int>[] children) => _children = children;

    /// <summary>Capture groups directly under the whole match.</summary>
    public IReadOnlyList<int> TopLevel => _children[0];

    public static RegexGroupTree Parse(string pattern)
    {
        var children = new List<List<int>> { new() };
        var open = new Stack<int>(); // group index, or -1 for non-capturing
        open.Push(0);
        var next = 1;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++;
                continue;
            }
            if (c == '(')
            {
                if (IsCapturing(pattern, i))
                {
                    var index = next++;
                    children.Add([]);
                    children[NearestCapture(open)].Add(index);
                    open.Push(index);
                }
                else open.Push(-1);
            }
            else if (c == ')' && open.Count > 1) open.Pop();
        }
        return new RegexGroupTree([.. children]);
    }

    private static bool IsCapturing(string pattern, int i)
    {
        if (i + 1 >= pattern.Length || pattern[i + 1] != '?') return true;
        // (?<name>...) and (?'name'...) capture; (?<= and (?<! are lookbehinds.
        if (i + 2 < pattern.Length && (pattern[i + 2] == '<' || pattern[i + 2] == '\''))
            return i + 3 < pattern.Length && pattern[i + 3] != '=' && pattern[i + 3] != '!';
        return false;
    }

    private static int NearestCapture(Stack<int> open)
    {
        foreach (var index in open) if (index >= 0) return index;
        return 0;
    }

    /// <summary>The message group of capture group <paramref name="index"/> with its nested groups.</summary>
    public MessageGroup ToMessageGroup(Match match, int index)
    {
        RegexGroup group = match.Groups[index];
        var children = _children[index].Select(child => ToMessageGroup(match, child)).ToList();
        return group.Success
            ? new MessageGroup(children, group.Index, group.Value)
            : new MessageGroup(children, null, null);
    }

    /// <summary>Values of all capture groups nested under <paramref name="index"/>, depth first.</summary>
    public IReadOnlyList<string?> NestedValues(Match match, int index)
    {
        var values = new List<string?>();
        Collect(index);
        return values;

        void Collect(int parent)
        {
            foreach (var child in _children[parent])
            {
                values.Add(match.Groups[child].Success ? match.Groups[child].Value : null);
                Collect(child);
            }
        }
    }
}
