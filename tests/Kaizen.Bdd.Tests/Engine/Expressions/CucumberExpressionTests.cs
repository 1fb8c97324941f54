using Kaizen.Bdd.Expressions;

namespace Kaizen.Bdd.Tests.Engine.Expressions;

[Trait("Category", "engine")]
public sealed class CucumberExpressionTests
{
    private enum Colour { Red, DarkBlue }

    private static readonly ParameterTypeRegistry Registry = new([]);

    private static IReadOnlyList<MatchedArgument>? Match(string expression, string text, Type? positionType = null) =>
        new CucumberExpression(expression, (name, _) => Registry.Find(name, positionType)).Match(text);

    [Theory]
    [InlineData("I have {int} cukes", "I have 42 cukes", "42")]
    [InlineData("I have {int} cukes", "I have -3 cukes", "-3")]
    [InlineData("it costs {float}", "it costs 3.5", "3.5")]
    [InlineData("it costs {double}", "it costs .5", ".5")]
    [InlineData("it costs {decimal}", "it costs 10", "10")]
    [InlineData("the {word} is here", "the butterfly is here", "butterfly")]
    [InlineData("anything {} goes", "anything at all goes", "at all")]
    [InlineData("id {Guid}", "id 0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void Built_in_parameters_capture_their_text(string expression, string text, string expected) =>
        Match(expression, text)!.Single().Value.Should().Be(expected);

    [Theory]
    [InlineData("I say {string}", "I say \"hello world\"", "hello world")]
    [InlineData("I say {string}", "I say 'single'", "single")]
    [InlineData("I say {string}", "I say \"\"", "")]
    [InlineData("I say {string}", "I say \"a \\\"quoted\\\" word\"", "a \"quoted\" word")]
    public void String_parameters_drop_quotes_and_unescape(string expression, string text, string expected) =>
        Match(expression, text)!.Single().Value.Should().Be(expected);

    [Theory]
    [InlineData("I have {int} cucumber(s)", "I have 1 cucumber", true)]
    [InlineData("I have {int} cucumber(s)", "I have 2 cucumbers", true)]
    [InlineData("I have {int} cucumber(s)", "I have 2 cucumberz", false)]
    [InlineData("in my belly/stomach", "in my belly", true)]
    [InlineData("in my belly/stomach", "in my stomach", true)]
    [InlineData("in my belly/stomach", "in my bellystomach", false)]
    [InlineData("a/an apple", "an apple", true)]
    [InlineData("price \\(in euro\\) is \\{x}", "price (in euro) is {x}", true)]
    [InlineData("a/b\\/c", "b/c", true)]
    [InlineData("I have {int} cukes", "I have 42 cukes today", false)]
    [InlineData("I have {int} cukes", "I have many cukes", false)]
    public void Optional_text_alternatives_and_escapes(string expression, string text, bool matches) =>
        (Match(expression, text) is not null).Should().Be(matches);

    [Fact]
    public void Enum_parameters_are_found_by_the_bound_parameter_type_name()
    {
        Match("the colour is {Colour}", "the colour is darkblue", typeof(Colour))!.Single().Value.Should().Be("darkblue");
        Match("the colour is {Colour}", "the colour is green", typeof(Colour)).Should().BeNull();
    }

    [Fact]
    public void Unknown_parameter_types_are_reported_with_the_fix()
    {
        var create = () => new CucumberExpression("a {airport}", (name, _) => Registry.Find(name, null));
        create.Should().Throw<UndefinedParameterTypeException>().Which.Message.Should().Contain("{airport}").And.Contain("StepArgumentTransformation");
    }

    [Fact]
    public void Group_tree_reports_the_string_parameter_with_its_inner_groups()
    {
        var argument = Match("I say {string}", "I say \"hi\"")!.Single();
        argument.Group.Start.Should().Be(6);
        argument.Group.Value.Should().Be("\"hi\"");
        argument.Group.Children.Should().HaveCount(2);
        argument.Group.Children[0].Value.Should().Be("hi");
        argument.Group.Children[1].Value.Should().BeNull();
    }
}
