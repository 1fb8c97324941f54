using System.Reflection;
using System.Text.RegularExpressions;

namespace Kaizen.Bdd.Bindings;

/// <summary>A <see cref="StepArgumentTransformationAttribute"/> method.</summary>
internal sealed class StepArgumentTransformationBinding(MethodInfo method, string? regex)
{
    private readonly Regex? _regex = regex is null ? null : new Regex("^(?:" + regex + ")$", RegexOptions.CultureInvariant);

    public MethodInfo Method { get; } = method;
    public string? RegexText { get; } = regex;
    public Type ReturnType { get; } = method.ReturnType;

    /// <summary>True for transformations taking a <c>DataTable</c>.</summary>
    public bool IsTableTransformation { get; } =
        method.GetParameters() is [{ ParameterType: var p }] && p == typeof(Kaizen.Bdd.Tables.DataTable);

    public Match? Match(string value) => _regex?.Match(value) is { Success: true } m ? m : null;

    public bool AcceptsAnyText => _regex is null;
}
