using System.Collections.Immutable;
using Kaizen.Reqnroll.xUnit.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kaizen.Reqnroll.xUnit.Tests.Generator;

/// <summary>Runs <see cref="FeatureTestGenerator"/> in memory with CSharpGeneratorDriver.</summary>
internal static class GeneratorHarness
{
    public const string ProjectDir = "/repo/tests/Sample/";

    public sealed record Output(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources, Compilation Compilation);

    public static Output Run(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create("Sample.Tests",
            [CSharpSyntaxTree.ParseText("namespace Sample.Tests; public sealed class Placeholder { }")],
            AppDomain.CurrentDomain.GetAssemblies()
                .Where(a => !a.IsDynamic && a.Location.Length > 0)
                .Select(a => MetadataReference.CreateFromFile(a.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new FeatureTestGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: new Options(ProjectDir));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new Output(diagnostics.Concat(result.Diagnostics).Distinct().ToList(), sources, updated);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(string projectDir) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>
        {
            ["build_property.projectdir"] = projectDir,
            ["build_property.rootnamespace"] = "Sample.Tests",
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
