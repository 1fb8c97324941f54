namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Runs each required Cucumber Compatibility Kit sample through our generator, the Reqnroll runtime and its message
/// formatter, and compares the messages with the kit's after <see cref="EnvelopeNormalizer"/>. A sample Reqnroll itself
/// cannot match is asserted to still differ, so a Reqnroll upgrade that fixes it shows up. Needs the kit:
/// <c>npm ci --prefix tools/node --no-audit --no-fund</c>.
/// </summary>
[Trait("Category", "cck")]
public sealed class CompatibilityKitTests
{
    public static TheoryData<string> Samples() => new(CckSamples.Required.Where(s => s.KnownDifference is null).Select(s => s.Name));

    public static TheoryData<string> KnownDifferences() => new(CckSamples.Required.Where(s => s.KnownDifference is not null).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public Task Sample_produces_the_kits_messages(string sample) => CckAssert.ProducesTheKitsMessagesAsync(sample);

    [Theory]
    [MemberData(nameof(KnownDifferences))]
    public Task Sample_still_differs_for_the_documented_reason(string sample) => CckAssert.StillDiffersAsync(sample);
}

/// <summary>Kit samples beyond the required list, compared the same way.</summary>
[Trait("Category", "cck-extra")]
public sealed class CompatibilityKitExtraTests
{
    public static TheoryData<string> Samples() => new(CckSamples.Extra.Where(s => s.KnownDifference is null).Select(s => s.Name));

    public static TheoryData<string> KnownDifferences() => new(CckSamples.Extra.Where(s => s.KnownDifference is not null).Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public Task Sample_produces_the_kits_messages(string sample) => CckAssert.ProducesTheKitsMessagesAsync(sample);

    [Theory]
    [MemberData(nameof(KnownDifferences))]
    public Task Sample_still_differs_for_the_documented_reason(string sample) => CckAssert.StillDiffersAsync(sample);
}

internal static class CckAssert
{
    public static async Task ProducesTheKitsMessagesAsync(string sample)
    {
        var (cck, difference) = await CompareAsync(sample);
        if (difference is not null)
            Assert.Fail($"CCK sample '{sample}' differs from {cck.ExpectedMessagesPath}:\n{difference}");
    }

    public static async Task StillDiffersAsync(string sample)
    {
        var (cck, difference) = await CompareAsync(sample);
        if (difference is null)
            Assert.Fail($"CCK sample '{sample}' now matches the kit: drop its known difference ({cck.KnownDifference}) from CckSamples and docs/cck-conformance.md.");
        TestContext.Current.TestOutputHelper?.WriteLine($"Known difference: {cck.KnownDifference}\n{difference}");
    }

    private static async Task<(CckSample Sample, string? Difference)> CompareAsync(string sample)
    {
        var ct = TestContext.Current.CancellationToken;
        var cck = CckSamples.Get(sample);
        var expected = EnvelopeNormalizer.Normalize(await CckRunner.ReadExpectedAsync(cck, ct));
        var actual = EnvelopeNormalizer.Normalize(await CckRunner.RunAsync(cck, ct));
        return (cck, EnvelopeComparer.FindFirstDifference(expected, actual));
    }
}
