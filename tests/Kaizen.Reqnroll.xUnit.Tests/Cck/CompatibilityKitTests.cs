namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Runs each required Cucumber Compatibility Kit sample through the engine and compares our messages with the kit's
/// after <see cref="EnvelopeNormalizer"/>. Needs the kit: <c>npm ci --prefix tools/node --no-audit --no-fund</c>.
/// </summary>
[Trait("Category", "cck")]
public sealed class CompatibilityKitTests
{
    public static TheoryData<string> Samples() => new(CckSamples.Required.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public Task Sample_produces_the_kits_messages(string sample) => CckAssert.ProducesTheKitsMessagesAsync(sample);
}

/// <summary>Kit samples beyond issue 2's required list, compared the same way.</summary>
[Trait("Category", "cck-extra")]
public sealed class CompatibilityKitExtraTests
{
    public static TheoryData<string> Samples() => new(CckSamples.Extra.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public Task Sample_produces_the_kits_messages(string sample) => CckAssert.ProducesTheKitsMessagesAsync(sample);
}

internal static class CckAssert
{
    public static async Task ProducesTheKitsMessagesAsync(string sample)
    {
        var ct = TestContext.Current.CancellationToken;
        var cck = CckSamples.Get(sample);
        var expected = EnvelopeNormalizer.Normalize(await CckRunner.ReadExpectedAsync(cck, ct));

        var actual = EnvelopeNormalizer.Normalize(await CckRunner.RunAsync(cck, ct));

        var difference = EnvelopeComparer.FindFirstDifference(expected, actual);
        if (difference is not null)
            Assert.Fail($"CCK sample '{sample}' differs from {cck.ExpectedMessagesPath}:\n{difference}");
    }
}
