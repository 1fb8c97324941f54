namespace Kaizen.Bdd.Snippets;

/// <summary>One parameter of a generated step method.</summary>
/// <param name="Type">The C# type, e.g. <c>int</c>.</param>
/// <param name="Name">The parameter name, e.g. <c>cukes</c>.</param>
public sealed record SnippetParameter(string Type, string Name);
