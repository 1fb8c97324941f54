using System.Diagnostics;
using System.Globalization;
using Kaizen.Reqnroll.xUnit.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Kaizen.Bdd.Bench;

/// <summary>Time of the source generator over 1,000 feature files (cold driver and a no-change rerun).</summary>
internal static class GeneratorBenchmark
{
    private const int Files = 1000;

    public static void Report()
    {
        var texts = Enumerable.Range(0, Files).Select(i => (AdditionalText)new Text($"/bench/features/area{i % 20}/feature_{i}.feature", Feature(i))).ToList();
        var compilation = CSharpCompilation.Create("Bench.Specs", [CSharpSyntaxTree.ParseText("class C { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

        // Warm-up on a separate driver (JIT of Gherkin and the generator).
        CSharpGeneratorDriver.Create([new FeatureTestGenerator().AsSourceGenerator()], texts.Take(20)).RunGenerators(compilation);

        var cold = new List<double>();
        var rerun = new List<double>();
        var generated = 0;
        for (var round = 0; round < 3; round++)
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new FeatureTestGenerator().AsSourceGenerator()], texts,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
            var stopwatch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            cold.Add(stopwatch.Elapsed.TotalMilliseconds);
            generated = driver.GetRunResult().GeneratedTrees.Length;
            stopwatch.Restart();
            driver.RunGenerators(compilation);
            rerun.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        var n = CultureInfo.InvariantCulture;
        Console.WriteLine($"Generator: {Files} feature files x 4 scenarios (+1 outline with 3 rows), {generated} generated files, median of 3");
        Console.WriteLine(string.Format(n, "  full generation          : {0,9:F1} ms", BenchFeature.Median(cold)));
        Console.WriteLine(string.Format(n, "  unchanged rerun (cached) : {0,9:F1} ms", BenchFeature.Median(rerun)));
    }

    private static string Feature(int i) => $$"""
        @area{{i % 20}}
        Feature: Feature number {{i}}
          Background:
            Given a system

          Scenario: first {{i}}
            When I do "a" thing 3 times
            Then it works

          @slow
          Scenario: second {{i}}
            When I do "b" thing 4 times
            Then it works

          Rule: a rule
            Scenario: third {{i}}
              When I do "c" thing 5 times
              Then it works

          Scenario Outline: outline {{i}}
            When I do "<x>" thing <n> times
            Then it works
            Examples:
              | x | n |
              | a | 1 |
              | b | 2 |
              | c | 3 |
        """;

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
