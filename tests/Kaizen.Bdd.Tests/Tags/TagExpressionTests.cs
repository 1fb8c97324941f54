using Kaizen.Bdd.Tags;

namespace Kaizen.Bdd.Tests.Tags;

[Trait("Category", "tags")]
public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@a", "@a", true)]
    [InlineData("@a", "@b", false)]
    [InlineData("not @a", "@b", true)]
    [InlineData("not @a", "@a", false)]
    [InlineData("@a and @b", "@a @b", true)]
    [InlineData("@a and @b", "@a", false)]
    [InlineData("@a or @b", "@b", true)]
    [InlineData("@a or @b", "", false)]
    [InlineData("@a or @b and @c", "@a", true)]          // and binds tighter than or
    [InlineData("(@a or @b) and @c", "@a", false)]
    [InlineData("not @a and @b", "@b", true)]            // not binds tighter than and
    [InlineData("not (@a and @b)", "@a @b", false)]
    [InlineData("not not @a", "@a", true)]
    [InlineData("@a and not (@b or @c)", "@a @c", false)]
    [InlineData("@a and not (@b or @c)", "@a @d", true)]
    [InlineData("", "@x", true)]
    [InlineData("   ", "", true)]
    public void Evaluates_with_cucumber_precedence(string expression, string tags, bool expected)
    {
        var tagSet = tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        TagExpression.Parse(expression).Evaluate(tagSet).Should().Be(expected);
    }

    [Fact]
    public void Backslash_escapes_parentheses_spaces_and_backslash()
    {
        var expression = TagExpression.Parse(@"@x\(1\) or @a\ b or @c\\d");

        expression.Evaluate(["@x(1)"]).Should().BeTrue();
        expression.Evaluate(["@a b"]).Should().BeTrue();
        expression.Evaluate([@"@c\d"]).Should().BeTrue();
        expression.Evaluate(["@x"]).Should().BeFalse();
    }

    [Fact]
    public void Keywords_only_count_as_whole_words()
    {
        var expression = TagExpression.Parse("@andy or notice");

        expression.Evaluate(["@andy"]).Should().BeTrue();
        expression.Evaluate(["notice"]).Should().BeTrue();
        expression.Evaluate(["@and"]).Should().BeFalse();
    }

    [Theory]
    [InlineData("@a and", 6, "expected a tag, 'not' or '(' but found the end of the expression.")]
    [InlineData("and @a", 0, "expected a tag, 'not' or '(' but found 'and'.")]
    [InlineData("@a @b", 3, "expected 'and', 'or' or ')' but found tag '@b'.")]
    [InlineData("(@a or @b", 9, "'(' at position 1 is never closed; expected ')'.")]
    [InlineData("@a)", 2, "')' has no matching '('.")]
    [InlineData("()", 1, "expected a tag, 'not' or '(' but found ')'.")]
    [InlineData(@"@a\x", 2, @"illegal escape '\x': only '\(', '\)', '\\' and '\ ' are allowed.")]
    [InlineData(@"@a\", 2, @"a backslash must be followed by '(', ')', '\' or a space, but the expression ends.")]
    public void Syntax_errors_name_the_position_and_what_was_expected(string expression, int position, string problem)
    {
        var act = () => TagExpression.Parse(expression);

        var error = act.Should().Throw<TagExpressionException>().Which;
        error.Position.Should().Be(position);
        error.Problem.Should().Be(problem);
        error.Message.Should().StartWith($"Tag expression \"{expression}\" is invalid at position {position + 1}: {problem}");
    }
}
