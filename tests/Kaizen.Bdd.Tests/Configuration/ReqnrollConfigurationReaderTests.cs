using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Tests.Cck;

namespace Kaizen.Bdd.Tests.Configuration;

[Trait("Category", "configuration")]
public sealed class ReqnrollConfigurationReaderTests
{
    [Fact]
    public void Reads_every_honoured_key_and_ignores_unknown_ones()
    {
        const string json = """
            {
              // Reqnroll allows comments
              "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              "language": { "feature": "de-DE", "binding": "en" },
              "runtime": { "missingOrPendingStepsOutcome": "inconclusive", "stopAtFirstError": true },
              "generator": { "addNonParallelizableMarkerForTags": [ "@serial", "db" ] },
              "formatters": { "message": { "outputFilePath": "out/run.ndjson" }, "html": {} },
              "bindingAssemblies": [ { "assembly": "Shared.Steps" }, "Other.Steps" ],
              "ide": { "traceability": { "tagLinks": [ { "tagPattern": "issue:(?<id>\\d+)", "urlTemplate": "https://x/{id}" } ] } },
              "somethingNew": [1, 2, 3],
            }
            """;

        var config = ReqnrollConfigurationReader.Parse(json);

        config.FeatureLanguage.Should().Be("de-DE");
        config.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Inconclusive);
        config.NonParallelizableTags.Should().Equal("serial", "db");
        config.MessageOutputFilePath.Should().Be("out/run.ndjson");
        config.BindingAssemblies.Should().Equal("Shared.Steps", "Other.Steps");
        config.TagLinks.Should().Equal(new TagLink(@"issue:(?<id>\d+)", "https://x/{id}"));
    }

    [Fact]
    public void Missing_keys_keep_the_defaults()
    {
        var config = ReqnrollConfigurationReader.Parse("{}");

        config.Should().BeEquivalentTo(ReqnrollConfiguration.Default);
        config.FeatureLanguage.Should().Be("en-US");
        config.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Pending);
        config.MessageOutputFilePath.Should().BeNull();
    }

    [Fact]
    public void The_repository_configuration_file_is_valid()
    {
        var path = Path.Combine(RepositoryPaths.Root, "reqnroll.json");

        var config = ReqnrollConfigurationReader.Load(path);

        config.MissingOrPendingStepsOutcome.Should().Be(MissingOrPendingStepsOutcome.Error);
        config.MessageOutputFilePath.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var act = () => ReqnrollConfigurationReader.Parse("{\n  \"runtime\": {\n    \"missingOrPendingStepsOutcome\": \n  }\n}", "conf/reqnroll.json");

        var error = act.Should().Throw<ReqnrollConfigurationException>().Which;
        error.File.Should().Be("conf/reqnroll.json");
        error.Line.Should().Be(4);
        error.Message.Should().StartWith("conf/reqnroll.json(4): is not valid JSON");
    }

    [Theory]
    [InlineData("{\n\"language\": {\n \"feature\": 7 } }", 3, "language.feature", "must be a string, but is the number 7.")]
    [InlineData("{\"runtime\":\n [] }", 2, "runtime", "must be an object, but is an array.")]
    [InlineData("{\"runtime\": {\n\n\"missingOrPendingStepsOutcome\": \"Fail\"}}", 3, "runtime.missingOrPendingStepsOutcome",
        "must be one of Pending, Inconclusive, Ignore, Error, but was \"Fail\".")]
    [InlineData("{\"generator\": {\"addNonParallelizableMarkerForTags\": [\"a\",\n true]}}", 2,
        "generator.addNonParallelizableMarkerForTags[1]", "must be a string, but is the boolean true.")]
    [InlineData("{\"bindingAssemblies\": [ {\"name\": \"x\"} ]}", 1, "bindingAssemblies[0]", "needs an \"assembly\" property.")]
    [InlineData("{\"ide\": {\"traceability\": {\"tagLinks\": [ {\"tagPattern\": \"(\", \"urlTemplate\": \"u\"} ]}}}", 1,
        "ide.traceability.tagLinks[0].tagPattern", "is not a valid regular expression*")]
    [InlineData("[]", 1, "(root)", "must be an object, but is an array.")]
    public void Wrong_types_name_the_key_and_line(string json, int line, string key, string problem)
    {
        var act = () => ReqnrollConfigurationReader.Parse(json, "reqnroll.json");

        var error = act.Should().Throw<ReqnrollConfigurationException>().Which;
        error.Line.Should().Be(line);
        error.Key.Should().Be(key);
        error.Problem.Should().Match(problem);
        error.Message.Should().StartWith($"reqnroll.json({line}): '{key}' ");
    }

    [Fact]
    public void LoadOrDefault_returns_the_default_for_a_missing_file()
    {
        ReqnrollConfigurationReader.LoadOrDefault(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"))
            .Should().BeSameAs(ReqnrollConfiguration.Default);
    }
}
