using System.Reflection;
using System.Runtime.Loader;
using Kaizen.Reqnroll.xUnit.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Builds one kit sample into its own test assembly, as a consumer project would be built: the sample's feature files
/// through our generator, its ported bindings, references to Reqnroll and the adapter. Written to a temp folder and
/// loaded from there, so Reqnroll finds the runtime plugin in it and keeps its run apart from every other sample's.
/// </summary>
internal static class CckAssemblyBuilder
{
    public static Assembly Build(CckSample sample, string folder)
    {
        _ = typeof(global::Reqnroll.ScenarioContext);
        _ = typeof(XunitRuntimePlugin);
        var name = "Cck." + sample.PascalName;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sample.BindingSources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(
            $"namespace Kaizen.Reqnroll.xUnit.Tests.Cck {{ internal static class RepositoryPaths {{ public static string CckFeatures => {SymbolDisplay.FormatLiteral(RepositoryPaths.CckFeatures, true)}; }} }}",
            parse));
        trees.Add(CSharpSyntaxTree.ParseText("global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;", parse));

        var compilation = CSharpCompilation.Create(name, trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var features = sample.FeatureFiles.Where(f => f.EndsWith(".feature", StringComparison.Ordinal))
            .Select(f => (AdditionalText)new FileText(f)).ToList();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new FeatureTestGenerator().AsSourceGenerator()], features, parse,
            new ProjectOptions(Path.GetDirectoryName(RepositoryPaths.CckFeatures)! + "/", name));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".dll");
        var emitted = generated.Emit(path);
        var errors = generatorDiagnostics.Concat(emitted.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!emitted.Success || errors.Count > 0)
            throw new InvalidOperationException($"CCK sample '{sample.Name}' does not build:\n{string.Join("\n", errors)}");
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    /// <summary>The framework (trusted platform assemblies) and every assembly loaded here but the other samples.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location);
        return platform.Concat(loaded)
            .Where(p => !System.IO.Path.GetFileName(p).StartsWith("Cck.", StringComparison.Ordinal))
            .DistinctBy(System.IO.Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => MetadataReference.CreateFromFile(p));
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path));
    }

    private sealed class ProjectOptions(string projectDir, string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>
        {
            ["build_property.projectdir"] = projectDir,
            ["build_property.rootnamespace"] = rootNamespace,
        });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
