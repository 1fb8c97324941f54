using System.Text;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Passes generated text through, holding back any tail that could be the start of a stop sequence, and reports when
/// a stop sequence appears (the text before it is emitted, the sequence itself is not).
/// </summary>
internal sealed class StopSequenceFilter(IReadOnlyList<string> stops)
{
    private readonly StringBuilder _pending = new();

    public bool Stopped { get; private set; }

    public (string Emit, bool Stopped) Push(string piece)
    {
        if (Stopped) return ("", true);
        _pending.Append(piece);
        var text = _pending.ToString();
        var first = -1;
        foreach (var stop in stops)
        {
            var at = text.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        if (first >= 0)
        {
            Stopped = true;
            _pending.Clear();
            return (text[..first], true);
        }
        var hold = 0;
        foreach (var stop in stops)
            for (var n = Math.Min(stop.Length - 1, text.Length); n > hold; n--)
                if (text.AsSpan(text.Length - n).SequenceEqual(stop.AsSpan(0, n))) { hold = n; break; }
        var emit = text[..^hold];
        _pending.Clear().Append(text.AsSpan(text.Length - hold));
        return (emit, false);
    }

    public string Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        return rest;
    }
}
