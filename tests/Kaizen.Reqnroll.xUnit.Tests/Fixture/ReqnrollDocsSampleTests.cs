using Kaizen.Reqnroll.xUnit.Tests.Cck;
using Kaizen.Reqnroll.xUnit.Tests.Isolated;
using Reqnroll;
using Xunit.Sdk;

namespace Kaizen.Reqnroll.xUnit.Tests.Fixture;

/// <summary>
/// tests/fixtures/ReqnrollDocsSample, a Reqnroll project written from Reqnroll's documentation only, built unchanged
/// with our generator and run on the Reqnroll runtime through the adapter: every outcome is the one Reqnroll gives.
/// </summary>
[Trait("Category", "reqnroll-fixture")]
public sealed class ReqnrollDocsSampleTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "ReqnrollDocsSample");

    private static async Task<Dictionary<string, IsolatedTestRun.Outcome>> RunAsync(string outcomeSetting)
    {
        var features = Directory.GetFiles(Folder, "*.feature").Order(StringComparer.Ordinal).ToList();
        var sources = Directory.GetFiles(Folder, "*.cs").Order(StringComparer.Ordinal).ToList();
        var output = Path.Combine(Path.GetTempPath(), "kaizen-reqnroll-fixture", Guid.NewGuid().ToString("N")[..8]);
        var json = (await File.ReadAllTextAsync(Path.Combine(Folder, "reqnroll.json"), TestContext.Current.CancellationToken))
            .Replace("\"missingOrPendingStepsOutcome\": \"Error\"", $"\"missingOrPendingStepsOutcome\": \"{outcomeSetting}\"", StringComparison.Ordinal);
        var assembly = IsolatedProject.Build("ReqnrollDocsSample." + outcomeSetting, features, sources, Folder + "/", output);
        var outcomes = await IsolatedTestRun.RunAsync(assembly, features, new IsolatedContainerBuilder(Path.Combine(output, "messages.ndjson"), json));
        outcomes.Single(o => o.DisplayName == IsolatedTestRun.TestRunStart).Error.Should().BeNull();
        return outcomes.ToDictionary(o => o.DisplayName);
    }

    [Fact]
    public async Task Passing_failing_pending_undefined_and_skipped_scenarios_end_as_reqnroll_says()
    {
        var outcomes = await RunAsync("Error");

        outcomes["Books put in the basket are listed with their prices"].Error.Should().BeNull("CreateSet and CompareToSet agree");
        outcomes["A coloured voucher gives its discount"].Error.Should().BeNull("the custom {voucher} parameter type converts 'green'");
        outcomes["An administrator sees the stock level"].Error.Should().BeNull("the hook scoped by the @admin tag ran");
        outcomes["A wrong expectation fails"].Error.Should().BeOfType<InvalidOperationException>()
            .Which.Message.Should().Contain("Expected a total of 1.00");
        outcomes["Gift wrapping is not implemented yet"].Error.Should().BeOfType<PendingStepException>()
            .Which.Message.Should().Be("The step definition is not implemented.");
        var undefined = outcomes["A step nobody has written yet"].Error!.Message;
        undefined.Should().Contain("No matching step definition found for one or more steps.");
        outcomes["Out-of-stock books are skipped by a hook"].Error.Should().BeOfType<SkipException>()
            .Which.Message.Should().Contain("The book is out of stock.");
    }

    [Fact]
    public async Task MissingOrPendingStepsOutcome_Ignore_turns_pending_and_undefined_steps_into_skips()
    {
        var outcomes = await RunAsync("Ignore");

        outcomes["Gift wrapping is not implemented yet"].Error.Should().BeOfType<SkipException>();
        outcomes["A step nobody has written yet"].Error.Should().BeOfType<SkipException>();
        outcomes["A wrong expectation fails"].Error.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task MissingOrPendingStepsOutcome_Pending_fails_them_as_pending()
    {
        var outcomes = await RunAsync("Pending");

        outcomes["Gift wrapping is not implemented yet"].Error.Should().BeOfType<XunitPendingException>()
            .Which.Message.Should().Contain("One or more step definitions are not implemented yet.").And.Contain("WhenIAskForGiftWrapping");
        outcomes["A step nobody has written yet"].Error.Should().BeOfType<XunitPendingException>()
            .Which.Message.Should().Contain("No matching step definition found")
            .And.Contain("[When(\"I pay with a gift card\")]", "the message carries a ready-to-paste snippet");
    }
}
