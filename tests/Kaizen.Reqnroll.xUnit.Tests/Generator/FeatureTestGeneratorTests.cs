using Microsoft.CodeAnalysis;

namespace Kaizen.Reqnroll.xUnit.Tests.Generator;

[Trait("Category", "engine")]
[Trait("Category", "generator")]
public sealed class FeatureTestGeneratorTests
{
    private const string Feature = """
        @memory
        Feature: Hot tier memory
          Rule: Storage
            @fast
            Scenario: Stores an item
              Given an empty store

          Scenario Outline: Evicts <count> items
            Given <count> items

            @examples-tag
            Examples:
              | count |
              | 1     |
              | 5     |

            Examples:
              | count |
              |       |

          @ignore @wip
          Scenario: Not yet
            Given something
        """;

    private static GeneratorHarness.Output RunSample() =>
        GeneratorHarness.Run((GeneratorHarness.ProjectDir + "../../features/memory/hot_tier.feature", Feature));

    [Fact]
    public void Generated_code_compiles_without_diagnostics()
    {
        var output = RunSample();
        output.Diagnostics.Should().BeEmpty();
        output.Compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        output.Sources.Keys.Should().Contain("Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs").And.Contain("Kaizen.Bdd.TestRun.g.cs");
    }

    [Fact]
    public void One_fact_per_scenario_and_examples_row_with_display_names()
    {
        var code = RunSample().Sources["Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs"];
        code.Should().Contain("[global::Xunit.Fact(DisplayName = \"Stores an item\")]");
        code.Should().Contain("DisplayName = \"Evicts <count> items: 1\"");
        code.Should().Contain("DisplayName = \"Evicts <count> items: 5\"");
        code.Should().Contain("DisplayName = \"Evicts <count> items: Variant 2\"");
        code.Should().Contain("private const string FeatureUri = \"features/memory/hot_tier.feature\";");
        code.Should().Contain("RunScenarioAsync(5)").And.Contain("RunScenarioAsync(14)").And.Contain("RunScenarioAsync(15)").And.Contain("RunScenarioAsync(19)").And.Contain("RunScenarioAsync(22)");
    }

    [Fact]
    public void Inherited_and_examples_tags_become_category_traits_and_ignore_skips()
    {
        var code = RunSample().Sources["Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs"];
        var rowOne = Section(code, "Evicts <count> items: 1");
        rowOne.Should().Contain("[global::Xunit.Trait(\"Category\", \"memory\")]").And.Contain("[global::Xunit.Trait(\"Category\", \"examples-tag\")]");
        Section(code, "Evicts <count> items: Variant 2").Should().NotContain("examples-tag");
        Section(code, "Stores an item").Should().Contain("\"fast\"").And.Contain("\"memory\"");
        Section(code, "Not yet").Should().Contain("Skip = \"Ignored (@ignore)\"").And.Contain("\"wip\"");
        code.Should().Contain("[global::Xunit.Trait(\"FeatureTitle\", \"Hot tier memory\")]");
    }

    [Fact]
    public void Non_parallel_tags_from_reqnroll_json_put_the_class_in_the_non_parallel_collection()
    {
        var output = GeneratorHarness.Run(
            (GeneratorHarness.ProjectDir + "a.feature", "@serial\nFeature: A\n  Scenario: s\n    Given x\n"),
            (GeneratorHarness.ProjectDir + "b.feature", "Feature: B\n  Scenario: s\n    Given x\n"),
            (GeneratorHarness.ProjectDir + "reqnroll.json", "{ \"generator\": { \"addNonParallelizableMarkerForTags\": [\"serial\"] } }"));
        output.Sources["Sample.Tests.Features.AFeature.g.cs"].Should().Contain("[global::Xunit.Collection(\"Kaizen.Bdd.NonParallel\")]");
        output.Sources["Sample.Tests.Features.BFeature.g.cs"].Should().NotContain("Xunit.Collection(");
    }

    [Fact]
    public void A_syntax_error_is_KZB0001_at_the_feature_file_line_and_column()
    {
        var path = GeneratorHarness.ProjectDir + "broken.feature";
        var output = GeneratorHarness.Run((path, "Feature: Broken\n  Scenario: s\n    Given x\n    oops not gherkin\n"));

        var error = output.Diagnostics.Should().ContainSingle().Which;
        error.Id.Should().Be("KZB0001");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.Should().Be(path);
        span.StartLinePosition.Line.Should().Be(3, "line 4 is zero-based 3");
        span.StartLinePosition.Character.Should().Be(4);
        error.GetMessage().Should().Contain("broken.feature").And.Contain("line 4, column 5");
        output.Sources.Keys.Should().NotContain(k => k.Contains("BrokenFeature"));
    }

    [Fact]
    public void A_german_feature_is_parsed_with_its_language_header()
    {
        var output = GeneratorHarness.Run((GeneratorHarness.ProjectDir + "de.feature",
            "# language: de\nFunktionalität: Rechner\n  Szenario: Addieren\n    Angenommen x\n"));
        output.Diagnostics.Should().BeEmpty();
        output.Sources["Sample.Tests.Features.DeFeature.g.cs"].Should().Contain("DisplayName = \"Addieren\"");
    }

    private static string Section(string code, string displayName)
    {
        var start = code.IndexOf("DisplayName = \"" + displayName + "\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, displayName + " must be generated");
        var end = code.IndexOf("RunScenarioAsync", start, StringComparison.Ordinal);
        return code[start..end];
    }
}
