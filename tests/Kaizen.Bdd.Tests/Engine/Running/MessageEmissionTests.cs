using System.Text;
using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class MessageEmissionTests
{
    public sealed class Steps(IScenarioOutput output)
    {
        [Given("I have {int} cukes in my belly")]
        public void Cukes(int count)
        {
            output.WriteLine($"{count} cukes");
            output.Attach("{\"ok\":true}", "application/json", "result.json");
            output.Attach(Encoding.UTF8.GetBytes("png?"), "image/png");
            output.Link("https://example.invalid/doc");
        }

        [BeforeScenario(Name = "setup")] public void Setup() { }
    }

    [Fact]
    public async Task Envelopes_come_in_protocol_order_with_matches_and_attachments()
    {
        var (result, envelopes, _) = await EngineRun.RunAsync("""
            Feature: messages
              Scenario: cukes
                Given I have 42 cukes in my belly
            """, [typeof(Steps)]);

        result.Success.Should().BeTrue();
        var kinds = envelopes.Select(Kind).ToList();
        kinds.Should().Equal(
            "meta", "source", "gherkinDocument", "pickle", "stepDefinition", "hook", "testRunStarted", "testCase",
            "testCaseStarted", "testStepStarted", "testStepFinished", "testStepStarted",
            "attachment", "attachment", "attachment", "attachment",
            "testStepFinished", "testCaseFinished", "testRunFinished");

        var step = envelopes.Single(e => e.TestCase != null).TestCase.TestSteps[1];
        var argument = step.StepMatchArgumentsLists.Single().StepMatchArguments.Single();
        argument.ParameterTypeName.Should().Be("int");
        argument.Group.Value.Should().Be("42");
        argument.Group.Start.Should().Be(7);

        var attachments = envelopes.Where(e => e.Attachment != null).Select(e => e.Attachment).ToList();
        attachments.Select(a => a.MediaType).Should().Equal("text/x.cucumber.log+plain", "application/json", "image/png", "text/uri-list");
        attachments[2].ContentEncoding.ToString().Should().Be("BASE64");
        attachments[2].Body.Should().Be(Convert.ToBase64String(Encoding.UTF8.GetBytes("png?")));
        attachments.Should().OnlyContain(a => a.TestStepId == step.Id);
        envelopes.Single(e => e.Hook != null).Hook.Name.Should().Be("setup");
    }

    [Fact]
    public async Task A_syntax_error_becomes_a_parse_error_envelope_and_an_unsuccessful_run()
    {
        var (result, envelopes, _) = await EngineRun.RunAsync("""
            Feature: broken
              Scenario: x
                Given a step
                this line is not Gherkin
            """, [typeof(Steps)]);

        result.Success.Should().BeFalse();
        var error = envelopes.Single(e => e.ParseError != null).ParseError;
        error.Source.Uri.Should().Be("features/test.feature");
        error.Source.Location.Line.Should().Be(4);
    }

    private static string Kind(Io.Cucumber.Messages.Types.Envelope e) =>
        typeof(Io.Cucumber.Messages.Types.Envelope).GetProperties().First(p => p.GetValue(e) is not null).Name switch
        {
            var name => char.ToLowerInvariant(name[0]) + name[1..],
        };
}
