namespace Kaizen.Memory.Tool;

/// <summary>Parses <c>--name value</c> pairs; null when an argument is not of that shape.</summary>
internal static class ToolArguments
{
    public static Dictionary<string, string>? Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count) return null;
            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
