namespace Kaizen.Bdd;

/// <summary>
/// Marks a method converting step arguments into its return type: a custom parameter type usable as
/// <c>{Name}</c> in Cucumber Expressions (when <see cref="Name"/> is set) or picked by return type.
/// A method whose only parameter is a <c>DataTable</c> converts table arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class StepArgumentTransformationAttribute : Attribute
{
    /// <summary>A transformation matching any text (<c>.*</c>).</summary>
    public StepArgumentTransformationAttribute() { }

    /// <summary>A transformation matching <paramref name="regex"/>; its capture groups become the method's parameters.</summary>
    public StepArgumentTransformationAttribute(string regex) => Regex = regex;

    /// <summary>The regex the argument text must match, or null for any text.</summary>
    public string? Regex { get; }

    /// <summary>The parameter type name usable as <c>{Name}</c>; defaults to the return type's name.</summary>
    public string? Name { get; set; }

    /// <summary>Prefer this type when a regex step definition's group matches the same regex (Cucumber's preferForRegexpMatch).</summary>
    public bool PreferForRegexMatch { get; set; }

    /// <summary>Offer this type in snippets for undefined steps.</summary>
    public bool UseForSnippets { get; set; } = true;
}
