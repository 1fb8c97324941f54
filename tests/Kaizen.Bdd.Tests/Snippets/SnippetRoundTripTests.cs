using Kaizen.Bdd.Running;
using Kaizen.Bdd.Snippets;
using Kaizen.Bdd.Tables;

// PastedSnippets runs only through explicit BindingTypes; keep it out of the generated sample features' binding scan.
[assembly: Kaizen.Bdd.ExcludeBindings("Kaizen.Bdd.Tests.Snippets")]

namespace Kaizen.Bdd.Tests.Snippets;

/// <summary>
/// A pasted snippet must bind its step: the expressions below are what the generator writes (checked first), and the
/// engine then runs the original steps through bindings using exactly those expressions and parameter types.
/// </summary>
[Trait("Category", "snippets")]
public sealed class SnippetRoundTripTests
{
    private const string Feature = """
        Feature: snippets
          Scenario: pasted snippets bind their steps
            Given the user "bob" pays 3.50 euros and 'tip' 2 times
            And a path a/b (c) {d} \e
            Then the following 2 users:
              | name |
              | ann  |
              | bob  |
        """;

    [Fact]
    public async Task Generated_snippets_bind_the_steps_they_were_made_for()
    {
        StepSnippetGenerator.Generate("Given", "the user \"bob\" pays 3.50 euros and 'tip' 2 times").Expression
            .Should().Be(PastedSnippets.Payment);
        StepSnippetGenerator.Generate("Given", @"a path a/b (c) {d} \e").Expression.Should().Be(PastedSnippets.Path);
        StepSnippetGenerator.Generate("Then", "the following 2 users:", StepArgumentKind.DataTable).Expression
            .Should().Be(PastedSnippets.Users);

        var run = new BddTestRun(new BddRunOptions { BindingTypes = [typeof(PastedSnippets)] });
        var result = await run.RunAsync([new FeatureSource("snippets.feature", Feature)], TestContext.Current.CancellationToken);

        result.Scenarios.Should().ContainSingle().Which.Status.Should().Be(ScenarioExecutionStatus.Passed,
            result.Scenarios[0].Message);
    }

    [Binding]
    public sealed class PastedSnippets
    {
        public const string Payment = "the user {string} pays {float} euros and {string} {int} times";
        public const string Path = @"a path a\/b \(c) \{d} \\e";
        public const string Users = "the following {int} users:";

        [Given(Payment)]
        public void GivenTheUserPaysEurosAndTimes(string user, float euros, string and, int times)
        {
            if ((user, euros, and, times) != ("bob", 3.5f, "tip", 2))
                throw new InvalidOperationException($"Got {user}, {euros}, {and}, {times}.");
        }

        [Given(Path)]
        public void GivenAPathABCDE() { }

        [Then(Users)]
        public void ThenTheFollowingUsers(int users, DataTable dataTable)
        {
            if (users != dataTable.RowCount) throw new InvalidOperationException($"{users} users but {dataTable.RowCount} rows.");
        }
    }
}
