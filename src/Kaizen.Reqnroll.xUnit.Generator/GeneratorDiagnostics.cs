using Microsoft.CodeAnalysis;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>Diagnostics reported instead of generated tests.</summary>
    internal static class GeneratorDiagnostics
    {
        public static readonly DiagnosticDescriptor GherkinSyntaxError = new DiagnosticDescriptor(
            "KZR0001",
            "Gherkin syntax error",
            "Gherkin syntax error in {0} at line {1}, column {2}: {3}",
            "Kaizen.Reqnroll.xUnit",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor GeneratorFailure = new DiagnosticDescriptor(
            "KZR0002",
            "Feature file could not be turned into tests",
            "Kaizen.Reqnroll.xUnit could not generate tests for {0}: {1}",
            "Kaizen.Reqnroll.xUnit",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);
    }
}
