namespace Kaizen.Bdd.Snippets;

/// <summary>A generated binding for an undefined step.</summary>
/// <param name="Keyword">The attribute: <c>Given</c>, <c>When</c> or <c>Then</c>.</param>
/// <param name="Expression">The Cucumber Expression, e.g. <c>I have {int} cukes</c>.</param>
/// <param name="MethodName">The method name, e.g. <c>GivenIHaveCukes</c>.</param>
/// <param name="Parameters">The parameters in order (table or doc string last).</param>
public sealed record StepSnippet(string Keyword, string Expression, string MethodName, IReadOnlyList<SnippetParameter> Parameters)
{
    /// <summary>The ready-to-paste C# method, indented with four spaces per level.</summary>
    public string Code =>
        $"[{Keyword}(\"{EscapeForCSharp(Expression)}\")]\n"
        + $"public void {MethodName}({string.Join(", ", Parameters.Select(p => $"{p.Type} {p.Name}"))})\n"
        + "{\n"
        + "    throw new PendingStepException();\n"
        + "}";

    /// <summary>Same as <see cref="Code"/>.</summary>
    public override string ToString() => Code;

    private static string EscapeForCSharp(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
