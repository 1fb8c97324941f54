namespace Kaizen.Bdd;

/// <summary>
/// Restricts a binding class or method to some scenarios. Several criteria on one attribute must all hold;
/// several attributes are alternatives. A scoped match wins over an unscoped one; among scoped ones, the more criteria the better.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A tag or tag expression (<c>@web and not @slow</c>) the scenario's tags must satisfy.</summary>
    public string? Tag { get; set; }

    /// <summary>The exact feature title.</summary>
    public string? Feature { get; set; }

    /// <summary>The exact scenario title (for outlines: the outline title).</summary>
    public string? Scenario { get; set; }
}
