namespace Kaizen.Bdd;

/// <summary>Shared by every scenario of one feature; injectable into bindings and feature hooks.</summary>
public sealed class FeatureContext : BddContext
{
    internal FeatureContext(FeatureInfo featureInfo) => FeatureInfo = featureInfo;

    /// <summary>The running feature.</summary>
    public FeatureInfo FeatureInfo { get; }
}
