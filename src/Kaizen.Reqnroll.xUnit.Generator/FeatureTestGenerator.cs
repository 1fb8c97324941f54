using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>
    /// Turns every <c>.feature</c> AdditionalFiles item into an xUnit v3 test class driving Reqnroll's runtime (nothing written to disk).
    /// Gherkin syntax errors become KZR0001 errors at the feature file's line and column.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FeatureTestGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var features = context.AdditionalTextsProvider
                .Where(file => file.Path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase))
                .Select((file, cancellationToken) => (Path: file.Path, Text: file.GetText(cancellationToken)?.ToString() ?? string.Empty));

            var settings = context.AdditionalTextsProvider
                .Where(file => string.Equals(Path.GetFileName(file.Path), "reqnroll.json", StringComparison.OrdinalIgnoreCase))
                .Select((file, cancellationToken) => file.GetText(cancellationToken)?.ToString())
                .Collect()
                .Select((texts, _) => texts.Length == 0 ? GeneratorSettings.Default : GeneratorSettings.Parse(texts[0]));

            var project = context.AnalyzerConfigOptionsProvider
                .Select((options, _) =>
                {
                    options.GlobalOptions.TryGetValue("build_property.projectdir", out var projectDir);
                    options.GlobalOptions.TryGetValue("build_property.rootnamespace", out var rootNamespace);
                    return (ProjectDir: projectDir ?? string.Empty, RootNamespace: rootNamespace ?? string.Empty);
                })
                .Combine(context.CompilationProvider.Select((compilation, _) => compilation.AssemblyName ?? "Tests"))
                .Select((pair, _) => (pair.Left.ProjectDir, RootNamespace: pair.Left.RootNamespace.Length > 0 ? pair.Left.RootNamespace : pair.Right));

            context.RegisterSourceOutput(features.Combine(settings).Combine(project), (production, input) =>
            {
                var ((file, generatorSettings), (projectDir, rootNamespace)) = input;
                Generate(production, file.Path, file.Text, projectDir, rootNamespace, generatorSettings);
            });

            context.RegisterSourceOutput(features.Collect().Combine(project), (production, input) =>
            {
                if (input.Left.Length > 0)
                    production.AddSource("Kaizen.Reqnroll.xUnit.TestRun.g.cs", SourceText.From(TestClassEmitter.EmitAssemblyParts(input.Right.RootNamespace), System.Text.Encoding.UTF8));
            });
        }

        private static void Generate(SourceProductionContext production, string path, string text, string projectDir, string rootNamespace, GeneratorSettings settings)
        {
            var uri = FeatureUri.FromPath(path, projectDir);
            var errors = new List<FeatureError>();
            FeatureModel? model;
            try
            {
                model = FeatureParser.Parse(uri, text, rootNamespace, settings, errors);
            }
            catch (Exception unexpected)
            {
                production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.GeneratorFailure, Location.None, path, unexpected.Message));
                return;
            }
            foreach (var error in errors)
            {
                var position = new LinePosition(error.Line - 1, error.Column - 1);
                var location = Location.Create(path, TextSpan.FromBounds(0, 0), new LinePositionSpan(position, position));
                production.ReportDiagnostic(Diagnostic.Create(GeneratorDiagnostics.GherkinSyntaxError, location, path, error.Line, error.Column, error.Message));
            }
            if (model == null || model.Tests.Count == 0) return;
            production.AddSource(model.Namespace + "." + model.ClassName + ".g.cs", SourceText.From(TestClassEmitter.Emit(model), System.Text.Encoding.UTF8));
        }
    }
}
