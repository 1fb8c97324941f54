namespace Kaizen.Bdd.Snippets;

/// <summary>Hands out unique, valid camelCase parameter names (suffix 2, 3… on repeats; <c>@</c> for keywords).</summary>
internal sealed class ParameterNames
{
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    public string Take(string word)
    {
        var name = char.ToLowerInvariant(word[0]) + word[1..];
        if (char.IsDigit(name[0])) name = "p" + name;
        if (!_used.TryAdd(name, 1))
        {
            var count = ++_used[name];
            name += count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _used[name] = 1;
        }
        return IsKeyword(name) ? "@" + name : name;
    }

    private static bool IsKeyword(string name) => CSharpKeywords.Contains(name);

    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long",
        "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public",
        "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch",
        "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void",
        "volatile", "while",
    };
}
