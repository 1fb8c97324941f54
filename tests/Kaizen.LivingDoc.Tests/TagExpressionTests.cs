using Kaizen.LivingDoc.Review;

namespace Kaizen.LivingDoc.Tests;

/// <summary>The command line's tag expressions select what the page's do (the same cases as the browser test).</summary>
[Trait("Category", "livingdoc")]
public sealed class TagExpressionTests
{
    [Theory]
    [InlineData("@a or @b and @c", true, "@a")]
    [InlineData("(@a or @b) and @c", false, "@a")]
    [InlineData("not @a and @b", true, "@b")]
    [InlineData("not (@a or @b)", false, "@b")]
    [InlineData("@Memory", true, "@memory")]
    [InlineData("memory and not slow", true, "@memory")]
    [InlineData(@"@issue\(42\)", true, "@issue(42)")]
    [InlineData("@core and not (@slow or @long-running)", false, "@core", "@long-running")]
    public void Follows_cucumber_precedence_case_and_escapes(string expression, bool expected, params string[] tags) =>
        TagExpression.Parse(expression)(tags.ToHashSet()).Should().Be(expected);

    [Theory]
    [InlineData("@a and (@b", "a \"(\" is not closed")]
    [InlineData("@a and", "the tag expression ends too early")]
    [InlineData("@a @b", "unexpected \"@b\"")]
    [InlineData("or @a", "unexpected \"or\"")]
    [InlineData("  ", "the tag expression is empty")]
    public void Names_the_mistake(string expression, string message) =>
        FluentActions.Invoking(() => TagExpression.Parse(expression)).Should().Throw<FormatException>().WithMessage(message);
}
