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
        output.Sources.Keys.Should().Contain("Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs").And.Contain("Kaizen.Reqnroll.xUnit.TestRun.g.cs");
    }

    [Fact]
    public void A_fact_per_scenario_and_a_theory_per_outline_with_a_named_row_per_examples_row()
    {
        var code = RunSample().Sources["Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs"];
        code.Should().Contain("[global::Xunit.Fact(DisplayName = \"Stores an item\")]");
        code.Should().Contain("[global::Xunit.Theory]").And.Contain("[global::Xunit.MemberData(nameof(EvictsCountItemsRows))]");
        code.Should().Contain("TheoryDataRow<string>(\"1\") { TestDisplayName = \"Evicts <count> items: 1\"");
        code.Should().Contain("TheoryDataRow<string>(\"2\") { TestDisplayName = \"Evicts <count> items: 5\"");
        code.Should().Contain("TheoryDataRow<string>(\"3\") { TestDisplayName = \"Evicts <count> items: Variant 2\"");
        code.Should().Contain("new global::Kaizen.Reqnroll.xUnit.FeatureMessages(\"features/memory/hot_tier.feature\", FeatureText, \"en\")");
    }

    [Fact]
    public void Each_test_drives_the_runtime_in_reqnrolls_order_with_its_pickle_index()
    {
        var code = RunSample().Sources["Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs"];
        var scenario = Section(code, "Stores an item");
        scenario.Should().Contain("ScenarioRunner.StartAsync(_feature)")
            .And.Contain("new global::Reqnroll.ScenarioInfo(\"Stores an item\", \"\", new string[] { \"fast\" }, new global::System.Collections.Specialized.OrderedDictionary(), new string[] { \"memory\" }, \"0\")")
            .And.Contain("new global::Reqnroll.RuleInfo(\"Storage\", \"\", new string[] {  })")
            .And.Contain("await scenario.Runner.GivenAsync(\"an empty store\", null, null, \"Given \");");
        code.Should().Contain("await scenario.Runner.GivenAsync(row.Fill(\"<count> items\"), null, null, \"Given \");");
    }

    [Fact]
    public void Inherited_tags_become_category_traits_examples_tags_sit_on_their_rows_and_ignore_skips()
    {
        var code = RunSample().Sources["Sample.Tests.Features.Features.Memory.HotTierFeature.g.cs"];
        code.Should().Contain("TestDisplayName = \"Evicts <count> items: 1\", Label = \"\", Traits = global::Kaizen.Reqnroll.xUnit.RowTraits.Categories(\"examples-tag\") };");
        code.Should().Contain("TestDisplayName = \"Evicts <count> items: Variant 2\", Label = \"\" };");
        Section(code, "Evicts &lt;count&gt; items</summary>").Should().Contain("[global::Xunit.Trait(\"Category\", \"memory\")]").And.NotContain("examples-tag");
        Section(code, "Stores an item").Should().Contain("[global::Xunit.Trait(\"Category\", \"fast\")]").And.Contain("[global::Xunit.Trait(\"Category\", \"memory\")]");
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
        output.Sources["Sample.Tests.Features.AFeature.g.cs"].Should().Contain("[global::Xunit.Collection(\"Kaizen.Reqnroll.xUnit.NonParallel\")]");
        output.Sources["Sample.Tests.Features.BFeature.g.cs"].Should().NotContain("Xunit.Collection(");
    }

    [Fact]
    public void A_syntax_error_is_KZR0001_at_the_feature_file_line_and_column()
    {
        var path = GeneratorHarness.ProjectDir + "broken.feature";
        var output = GeneratorHarness.Run((path, "Feature: Broken\n  Scenario: s\n    Given x\n    oops not gherkin\n"));

        var error = output.Diagnostics.Should().ContainSingle().Which;
        error.Id.Should().Be("KZR0001");
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

    /// <summary>The generated code from the summary naming <paramref name="title"/> to the end of its test method.</summary>
    private static string Section(string code, string title)
    {
        var start = code.IndexOf("/// <summary>" + title, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, title + " must be generated");
        var end = code.IndexOf("FinishScenarioAsync", start, StringComparison.Ordinal);
        return code[start..end];
    }
}
