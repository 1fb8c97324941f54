using Kaizen.Bdd.Expressions;

namespace Kaizen.Bdd.Tests.Engine.Expressions;

[Trait("Category", "engine")]
public sealed class RegexAndDetectionTests
{
    [Theory]
    [InlineData("^I have (\\d+) cukes$", true)]
    [InlineData("I have (\\d+) cukes", true)]
    [InlineData("I have (.*) cukes", true)]
    [InlineData("ends with$", true)]
    [InlineData("I have {int} cukes", false)]
    [InlineData("I have a cucumber(s)", false)]
    [InlineData("plain text", false)]
    [InlineData("a/b choice", false)]
    public void Regex_or_cucumber_expression_follows_reqnroll_rules(string expression, bool isRegex) =>
        ExpressionKind.IsRegex(expression).Should().Be(isRegex);

    [Fact]
    public void Regex_is_anchored_and_top_level_groups_are_arguments()
    {
        var regex = new RegularExpression("a (.*?)(?: and a (.*?))?(?: and a (.*?))?");
        var arguments = regex.Match("a cat and a dog")!;
        arguments.Select(a => a.Value).Should().Equal("cat", "dog", null);
        regex.Match("xa cat").Should().BeNull();
        arguments[2].Group.Start.Should().BeNull();
    }

    [Fact]
    public void Nested_groups_become_children_in_the_message_group()
    {
        var argument = new RegularExpression("^from ((\\w+)-(\\w+))$").Match("from LHR-CDG")!.Single();
        argument.Value.Should().Be("LHR-CDG");
        argument.Group.Children.Select(c => c.Value).Should().Equal("LHR", "CDG");
        argument.GroupValues.Should().Equal("LHR", "CDG");
    }
}
