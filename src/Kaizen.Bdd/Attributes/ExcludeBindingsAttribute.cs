namespace Kaizen.Bdd;

/// <summary>
/// Keeps the <c>[Binding]</c> classes of a namespace (and its sub-namespaces) out of the assembly scan done for generated
/// tests, e.g. fixtures that are only run programmatically through <c>BddTestRun</c> with explicit binding types.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ExcludeBindingsAttribute(string namespacePrefix) : Attribute
{
    /// <summary>The namespace whose binding classes are skipped.</summary>
    public string NamespacePrefix { get; } = namespacePrefix;
}
