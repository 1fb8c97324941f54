using System.Reflection;
using Kaizen.Reqnroll.xUnit.Tests.Features.Adapter.Features;

namespace Kaizen.Reqnroll.xUnit.Tests.Adapter.Features;

/// <summary>Checks what the real generator produced for Adapter/Features/*.feature in this very build (those features also run as tests).</summary>
[Trait("Category", "generator")]
public sealed class GeneratedSampleTests
{
    private static Dictionary<string, MethodInfo> Facts(Type type) => type.GetMethods()
        .Where(m => m.GetCustomAttribute<FactAttribute>() is { } fact && fact is not TheoryAttribute)
        .ToDictionary(m => m.GetCustomAttribute<FactAttribute>()!.DisplayName!);

    private static List<TheoryDataRow<string>> Rows(Type type, string method) =>
        ((IEnumerable<TheoryDataRow<string>>)type.GetMethod(method + "Rows")!.Invoke(null, null)!).ToList();

    private static IEnumerable<string> Categories(MemberInfo m) => m.GetCustomAttributes<TraitAttribute>().Where(t => t.Name == "Category").Select(t => t.Value);

    [Fact]
    public void Every_scenario_is_a_fact_and_an_outline_a_theory_with_one_named_row_per_examples_row()
    {
        Facts(typeof(CalculatorFeature)).Keys.Should().BeEquivalentTo("Adding two numbers", "Entering a list of numbers", "Ignored scenario");
        typeof(CalculatorFeature).GetMethod("Multiplying")!.GetCustomAttribute<TheoryAttribute>().Should().NotBeNull();
        Rows(typeof(CalculatorFeature), "Multiplying").Select(r => r.TestDisplayName)
            .Should().Equal("Multiplying: 2", "Multiplying: 4", "Multiplying: Variant 2", "Multiplying: Variant 3");
        Rows(typeof(CalculatorFeature), "Multiplying").Select(r => ((ITheoryDataRow)r).GetData()[0]).Should().Equal("2", "3", "4", "5", "the pickle indexes, in Gherkin's compiler order");
    }

    [Fact]
    public void Categories_are_inherited_tags_and_examples_tags_sit_on_their_rows()
    {
        var facts = Facts(typeof(CalculatorFeature));
        var outline = typeof(CalculatorFeature).GetMethod("Multiplying")!;
        var rows = Rows(typeof(CalculatorFeature), "Multiplying");

        Categories(outline).Should().BeEquivalentTo("kaizen-sample", "calculator");
        rows[0].Traits.Should().ContainKey("Category").WhoseValue.Should().BeEquivalentTo("fast");
        rows[2].Traits.Should().NotContainKey("Category");
        Categories(facts["Entering a list of numbers"]).Should().BeEquivalentTo("kaizen-sample", "calculator", "smoke");
        facts["Ignored scenario"].GetCustomAttribute<FactAttribute>()!.Skip.Should().NotBeNullOrEmpty();
        facts["Adding two numbers"].GetCustomAttribute<FactAttribute>()!.Skip.Should().BeNull();
        typeof(CalculatorFeature).GetCustomAttributes<TraitAttribute>().Should().ContainSingle(t => t.Name == "FeatureTitle" && t.Value == "Sample calculator");
    }

    [Fact]
    public void Features_tagged_non_parallel_join_the_collection_that_disables_parallelism()
    {
        typeof(RechnerFeature).GetCustomAttribute<CollectionAttribute>().Should().NotBeNull();
        typeof(CalculatorFeature).GetCustomAttribute<CollectionAttribute>().Should().BeNull();
        var definition = typeof(Kaizen.Reqnroll.xUnit.Tests.ReqnrollGenerated.NonParallelFeatures).GetCustomAttribute<CollectionDefinitionAttribute>()!;
        definition.DisableParallelization.Should().BeTrue();
    }

    [Fact]
    public void The_assembly_declares_the_runtime_plugin_and_the_test_run_fixture()
    {
        var assembly = typeof(GeneratedSampleTests).Assembly;
        assembly.GetCustomAttribute<global::Reqnroll.Plugins.RuntimePluginAttribute>()!.PluginType.Should().Be<XunitRuntimePlugin>();
        assembly.GetCustomAttributes<AssemblyFixtureAttribute>().Select(a => a.AssemblyFixtureType.BaseType).Should().Contain(typeof(TestRunFixture));
    }
}
