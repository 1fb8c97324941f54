using System.Reflection;

namespace Kaizen.Bdd.Expressions;

/// <summary>A parameter type usable as <c>{Name}</c>: built-in, enum, or declared by a step argument transformation.</summary>
internal sealed class ParameterTypeDefinition(
    string name,
    IReadOnlyList<string> regexes,
    Type targetType,
    MethodInfo? transformer = null,
    bool preferForRegexMatch = false,
    bool useForSnippets = true)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Regexes { get; } = regexes;
    public Type TargetType { get; } = targetType;

    /// <summary>The user's transformation method; null for built-in types converted by <c>ArgumentConverter</c>.</summary>
    public MethodInfo? Transformer { get; } = transformer;
    public bool PreferForRegexMatch { get; } = preferForRegexMatch;
    public bool UseForSnippets { get; } = useForSnippets;

    /// <summary>Message id, set for user-declared types (they are reported as parameterType envelopes).</summary>
    public string? Id { get; set; }

    public bool IsQuotedString => Name == "string" && Transformer is null;
}
