using System.Reflection;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// One feature as an xUnit class fixture: once its last scenario ran, the feature is released (<c>[AfterFeature]</c>
/// hooks). The feature itself starts lazily on the test thread of its first scenario (<see cref="ScenarioRunner"/>).
/// </summary>
public abstract class FeatureFixture : IAsyncDisposable
{
    /// <summary>Binds the fixture to its feature and test assembly.</summary>
    protected FeatureFixture(FeatureInfo featureInfo, Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(featureInfo);
        ArgumentNullException.ThrowIfNull(testAssembly);
        FeatureInfo = featureInfo;
        TestAssembly = testAssembly;
    }

    /// <summary>The feature.</summary>
    public FeatureInfo FeatureInfo { get; }

    /// <summary>The assembly whose bindings run the feature.</summary>
    public Assembly TestAssembly { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await TestRunnerManager.ReleaseFeatureAsync(FeatureInfo, TestAssembly);
        GC.SuppressFinalize(this);
    }
}
