using Kaizen.Bdd.Bindings;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class BindingDiscoveryTests
{
    [Fact]
    public void The_assembly_scan_finds_binding_classes_but_skips_excluded_namespaces()
    {
        var types = BindingDiscovery.FindBindingTypes([typeof(BindingDiscoveryTests).Assembly]).ToList();

        types.Should().Contain(typeof(Features.CalculatorSteps));
        types.Should().NotContain(t => t.Namespace!.StartsWith("Kaizen.Bdd.Tests.Cck", StringComparison.Ordinal));
        types.Should().NotContain(typeof(ArgumentConversionTests.Steps), "classes without [Binding] are not discovered");
    }
}
