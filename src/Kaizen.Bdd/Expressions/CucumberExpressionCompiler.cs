using System.Text;
using System.Text.RegularExpressions;

namespace Kaizen.Bdd.Expressions;

/// <summary>
/// Turns a Cucumber Expression into a regex: <c>{name}</c> parameters, optional text <c>cucumber(s)</c>,
/// alternatives <c>belly/stomach</c> (bounded by spaces) and <c>\</c> escapes.
/// </summary>
internal static class CucumberExpressionCompiler
{
    private enum NodeKind { Text, Space, Optional, Slash, Parameter }

    private sealed record Node(NodeKind Kind, string Text);

    /// <param name="expression">The expression.</param>
    /// <param name="resolve">Finds a parameter type by name and parameter position.</param>
    /// <param name="parameterTypes">One entry per parameter, in order.</param>
    /// <returns>The anchored regex.</returns>
    public static string Compile(string expression, Func<string, int, ParameterTypeDefinition?> resolve, out List<ParameterTypeDefinition> parameterTypes)
    {
        var nodes = Tokenize(expression);
        var regex = new StringBuilder("^");
        parameterTypes = [];
        var i = 0;
        while (i < nodes.Count)
        {
            var node = nodes[i];
            if (node.Kind == NodeKind.Space) { regex.Append(Regex.Escape(node.Text)); i++; continue; }
            if (node.Kind == NodeKind.Parameter)
            {
                var type = resolve(node.Text, parameterTypes.Count) ?? throw new UndefinedParameterTypeException(expression, node.Text);
                parameterTypes.Add(type);
                regex.Append('(').Append(string.Join("|", type.Regexes.Select(r => "(?:" + r + ")"))).Append(')');
                i++;
                continue;
            }
            // A run of text/optional/slash nodes up to the next space or parameter: an alternation when it holds a slash.
            var end = i;
            while (end < nodes.Count && nodes[end].Kind is NodeKind.Text or NodeKind.Optional or NodeKind.Slash) end++;
            var run = nodes.GetRange(i, end - i);
            if (run.Any(n => n.Kind == NodeKind.Slash))
            {
                var alternatives = Split(run).Select(Emit);
                regex.Append("(?:").Append(string.Join("|", alternatives)).Append(')');
            }
            else regex.Append(Emit(run));
            i = end;
        }
        return regex.Append('$').ToString();
    }

    private static IEnumerable<List<Node>> Split(List<Node> run)
    {
        var current = new List<Node>();
        foreach (var node in run)
        {
            if (node.Kind == NodeKind.Slash) { yield return current; current = []; }
            else current.Add(node);
        }
        yield return current;
    }

    private static string Emit(List<Node> nodes) =>
        string.Concat(nodes.Select(n => n.Kind == NodeKind.Optional ? "(?:" + Regex.Escape(n.Text) + ")?" : Regex.Escape(n.Text)));

    private static List<Node> Tokenize(string expression)
    {
        var nodes = new List<Node>();
        var text = new StringBuilder();
        void Flush(NodeKind kind = NodeKind.Text)
        {
            if (text.Length == 0) return;
            nodes.Add(new Node(kind, text.ToString()));
            text.Clear();
        }

        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '\\' when i + 1 < expression.Length:
                    text.Append(expression[++i]);
                    break;
                case ' ' or '\t':
                    Flush();
                    nodes.Add(new Node(NodeKind.Space, c.ToString()));
                    break;
                case '/':
                    Flush();
                    nodes.Add(new Node(NodeKind.Slash, "/"));
                    break;
                case '(':
                    Flush();
                    i = ReadUntil(expression, i, ')', out var optional);
                    if (optional.Length == 0) throw new FormatException($"Empty optional text '()' in Cucumber Expression \"{expression}\".");
                    nodes.Add(new Node(NodeKind.Optional, optional));
                    break;
                case '{':
                    Flush();
                    i = ReadUntil(expression, i, '}', out var name);
                    nodes.Add(new Node(NodeKind.Parameter, name));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        Flush();
        return nodes;
    }

    private static int ReadUntil(string expression, int start, char close, out string content)
    {
        var builder = new StringBuilder();
        for (var i = start + 1; i < expression.Length; i++)
        {
            if (expression[i] == '\\' && i + 1 < expression.Length) { builder.Append(expression[++i]); continue; }
            if (expression[i] == close) { content = builder.ToString(); return i; }
            builder.Append(expression[i]);
        }
        throw new FormatException($"Missing '{close}' opened at column {start + 1} of Cucumber Expression \"{expression}\".");
    }
}

/// <summary>A Cucumber Expression names a parameter type nobody declared.</summary>
internal sealed class UndefinedParameterTypeException(string expression, string name)
    : Exception($"Undefined parameter type '{{{name}}}' in \"{expression}\": declare it with [StepArgumentTransformation(Name = \"{name}\")].")
{
    public string Expression { get; } = expression;
    public string Name { get; } = name;
}
