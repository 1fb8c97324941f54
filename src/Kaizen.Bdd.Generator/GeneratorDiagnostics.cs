using Microsoft.CodeAnalysis;

namespace Kaizen.Bdd.Generator
{
    /// <summary>Diagnostics reported instead of generated tests.</summary>
    internal static class GeneratorDiagnostics
    {
        public static readonly DiagnosticDescriptor GherkinSyntaxError = new DiagnosticDescriptor(
            "KZB0001",
            "Gherkin syntax error",
            "Gherkin syntax error in {0} at line {1}, column {2}: {3}",
            "Kaizen.Bdd",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor GeneratorFailure = new DiagnosticDescriptor(
            "KZB0002",
            "Feature file could not be turned into tests",
            "Kaizen.Bdd could not generate tests for {0}: {1}",
            "Kaizen.Bdd",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);
    }
}
