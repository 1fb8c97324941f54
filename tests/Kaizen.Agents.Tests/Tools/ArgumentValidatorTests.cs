using System.Text.Json;
using Kaizen.Agents.Tools.Validation;

namespace Kaizen.Agents.Tests.Tools;

[Trait("Category", "tools-lib")]
public sealed class ArgumentValidatorTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"type":"object","properties":{
            "path":{"type":"string","minLength":1},
            "count":{"type":"integer","minimum":0,"maximum":10},
            "mode":{"enum":["a","b"]},
            "tags":{"type":"array","items":{"type":"string"}},
            "note":{"type":["string","null"]}},
         "required":["path"]}
        """).RootElement;

    private static IReadOnlyList<string> Validate(object args) =>
        ArgumentValidator.Validate(Schema, ToolTestKit.Call("t", args).Arguments);

    [Fact]
    public void Valid_arguments_pass() =>
        Validate(new { path = "a.txt", count = 3, mode = "a", tags = new[] { "x" }, note = (string?)null }).Should().BeEmpty();

    [Fact]
    public void Missing_required_argument_is_named() =>
        Validate(new { count = 1 }).Should().ContainSingle().Which.Should().Contain("arguments.path is required");

    [Fact]
    public void Wrong_type_says_expected_and_actual() =>
        Validate(new { path = 42 }).Should().ContainSingle().Which.Should().Contain("must be 'string'").And.Contain("a number (42)");

    [Fact]
    public void Fractional_number_is_not_an_integer() =>
        Validate(new { path = "p", count = 2.5 }).Should().ContainSingle().Which.Should().Contain("arguments.count must be 'integer'");

    [Fact]
    public void Range_enum_length_and_item_types_are_checked()
    {
        var errors = Validate(new { path = "", count = 11, mode = "c", tags = new object[] { "ok", 5 } });
        errors.Should().HaveCount(4);
        errors.Should().Contain(e => e.Contains("at least 1 characters"));
        errors.Should().Contain(e => e.Contains("at most 10"));
        errors.Should().Contain(e => e.Contains("one of [\"a\",\"b\"]"));
        errors.Should().Contain(e => e.Contains("arguments.tags[1] must be 'string'"));
    }

    [Fact]
    public void Unknown_arguments_are_refused_unless_allowed()
    {
        Validate(new { path = "p", sneaky = true }).Should().ContainSingle().Which.Should().Contain("arguments.sneaky is not an accepted argument");
        ArgumentValidator.Validate(Schema, ToolTestKit.Call("t", new { path = "p", sneaky = true }).Arguments, rejectUnknownArguments: false)
            .Should().BeEmpty();
    }
}
