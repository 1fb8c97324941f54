using System.Text;

namespace Kaizen.Agents.LocalModel;

/// <summary>Collects GBNF rules under unique names and writes the grammar text (llama.cpp's grammar format).</summary>
internal sealed class GbnfWriter
{
    private readonly Dictionary<string, string> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byBody = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Adds a rule (or returns the existing one with the same body) and returns its name.</summary>
    public string Add(string hint, string body)
    {
        if (_byBody.TryGetValue(body, out var existing)) return existing;
        var name = Unique(Sanitize(hint));
        Set(name, body);
        return name;
    }

    /// <summary>Reserves a name for a rule whose body is set later (recursive rules).</summary>
    public string Reserve(string hint)
    {
        var name = Unique(Sanitize(hint));
        _rules[name] = "";
        _order.Add(name);
        return name;
    }

    /// <summary>Sets the body of a rule (creating it when needed).</summary>
    public void Set(string name, string body)
    {
        if (!_rules.ContainsKey(name)) _order.Add(name);
        _rules[name] = body;
        _byBody.TryAdd(body, name);
    }

    /// <summary>The grammar text, <c>root</c> first.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var name in _order.OrderBy(n => n == "root" ? 0 : 1))
            text.Append(name).Append(" ::= ").Append(_rules[name]).Append('\n');
        return text.ToString();
    }

    /// <summary>A GBNF literal matching <paramref name="value"/> exactly.</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20) text.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    private string Unique(string name)
    {
        if (!_rules.ContainsKey(name)) return name;
        for (var i = 2; ; i++)
            if (!_rules.ContainsKey($"{name}-{i}")) return $"{name}-{i}";
    }

    private static string Sanitize(string hint)
    {
        var text = new StringBuilder();
        foreach (var c in hint)
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var name = text.ToString().Trim('-');
        while (name.Contains("--", StringComparison.Ordinal)) name = name.Replace("--", "-", StringComparison.Ordinal);
        return name.Length == 0 ? "r" : name.Length > 40 ? name[..40].TrimEnd('-') : name;
    }
}
