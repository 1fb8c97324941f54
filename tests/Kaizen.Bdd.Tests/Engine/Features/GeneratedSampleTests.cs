using System.Reflection;
using Kaizen.Bdd.Tests.Features.Engine.Features;

namespace Kaizen.Bdd.Tests.Engine.Features;

/// <summary>Checks what the real generator produced for Engine/Features/*.feature in this very build.</summary>
[Trait("Category", "engine")]
public sealed class GeneratedSampleTests
{
    private static IEnumerable<MethodInfo> Facts(Type type) => type.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null);

    [Fact]
    public void Every_scenario_and_examples_row_is_one_fact_with_the_expected_display_name()
    {
        Facts(typeof(CalculatorFeature)).Select(m => m.GetCustomAttribute<FactAttribute>()!.DisplayName).Should().BeEquivalentTo(
            "Adding two numbers",
            "Entering a list of numbers",
            "Multiplying: 2",
            "Multiplying: 4",
            "Multiplying: Variant 2",
            "Multiplying: Variant 3",
            "Ignored scenario");
    }

    [Fact]
    public void Categories_are_inherited_tags_including_examples_tags_and_ignore_skips()
    {
        var facts = Facts(typeof(CalculatorFeature)).ToDictionary(m => m.GetCustomAttribute<FactAttribute>()!.DisplayName!);
        static IEnumerable<string> Categories(MethodInfo m) => m.GetCustomAttributes<TraitAttribute>().Where(t => t.Name == "Category").Select(t => t.Value);

        Categories(facts["Multiplying: 2"]).Should().BeEquivalentTo("kaizen-sample", "calculator", "fast");
        Categories(facts["Multiplying: Variant 2"]).Should().BeEquivalentTo("kaizen-sample", "calculator");
        Categories(facts["Entering a list of numbers"]).Should().Contain("smoke");
        facts["Ignored scenario"].GetCustomAttribute<FactAttribute>()!.Skip.Should().NotBeNullOrEmpty();
        facts["Adding two numbers"].GetCustomAttribute<FactAttribute>()!.Skip.Should().BeNull();
        typeof(CalculatorFeature).GetCustomAttributes<TraitAttribute>().Should().ContainSingle(t => t.Name == "FeatureTitle" && t.Value == "Sample calculator");
    }

    [Fact]
    public void Features_tagged_non_parallel_join_the_collection_that_disables_parallelism()
    {
        typeof(RechnerFeature).GetCustomAttribute<CollectionAttribute>().Should().NotBeNull();
        typeof(CalculatorFeature).GetCustomAttribute<CollectionAttribute>().Should().BeNull();
        var definition = typeof(Kaizen.Bdd.Generated.KaizenBddNonParallelCollection).GetCustomAttribute<CollectionDefinitionAttribute>()!;
        definition.DisableParallelization.Should().BeTrue();
    }
}
