using System.Reflection;
using Kaizen.Bdd.Tags;

namespace Kaizen.Bdd.Bindings;

/// <summary>A hook method with its order, tag filter and scopes.</summary>
internal sealed class HookBinding(
    string id, HookKind kind, MethodInfo method, int order, string? name, string? tagExpressionText, IReadOnlyList<ScopeCriteria> scopes, int declarationIndex)
{
    private readonly TagExpression? _filter = tagExpressionText is null ? null : TagExpression.Parse(tagExpressionText);

    public string Id { get; } = id;
    public HookKind Kind { get; } = kind;
    public MethodInfo Method { get; } = method;
    public int Order { get; } = order;
    public string? Name { get; } = name;
    public int DeclarationIndex { get; } = declarationIndex;

    /// <summary>The tag filter as reported in the hook message (alternatives joined with <c>or</c>).</summary>
    public string? TagExpressionText { get; } = tagExpressionText;

    public string DisplayName => MethodDisplay.Format(Method);

    public bool AppliesTo(ScopeTarget target) =>
        (_filter is null || _filter.Evaluate(target.Tags)) && ScopeCriteria.Score(scopes, target) >= 0;

    /// <summary>Hook attribute tags are alternatives (Reqnroll); each may itself be a tag expression.</summary>
    public static string? CombineTags(string[] tags)
    {
        var parts = tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(ScopeCriteria.Normalize).ToList();
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => string.Join(" or ", parts.Select(p => p.Contains(' ', StringComparison.Ordinal) ? "(" + p + ")" : p)),
        };
    }
}
