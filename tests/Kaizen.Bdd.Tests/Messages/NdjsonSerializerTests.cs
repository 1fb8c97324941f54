using System.Text.Json.Nodes;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Messages.Serialization;
using Kaizen.Bdd.Tests.Cck;

namespace Kaizen.Bdd.Tests.Messages;

[Trait("Category", "messages")]
public sealed class NdjsonSerializerTests
{
    [Fact]
    public void Writes_camel_case_without_nulls_and_enums_by_wire_name()
    {
        var envelope = new Envelope(null, null, null, null, null, null, null, null, null,
            new Source("a.feature", "Feature: x", SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN),
            null, null, null, null, null, null, null, null, null, null, null);

        NdjsonSerializer.Serialize(envelope).Should().Be(
            """{"source":{"uri":"a.feature","data":"Feature: x","mediaType":"text/x.cucumber.gherkin+plain"}}""");
    }

    [Theory]
    [InlineData(TestStepResultStatus.PASSED, "PASSED")]
    [InlineData(TestStepResultStatus.UNDEFINED, "UNDEFINED")]
    public void Step_statuses_are_upper_case(TestStepResultStatus status, string wire)
    {
        var result = new TestStepResult(new Duration(0, 5), null, status, null);

        System.Text.Json.JsonSerializer.Serialize(result, NdjsonSerializer.Options)
            .Should().Be($$"""{"duration":{"seconds":0,"nanos":5},"status":"{{wire}}"}""");
    }

    [Fact]
    public void Every_enum_of_the_messages_package_round_trips_through_its_wire_name()
    {
        var enums = typeof(Envelope).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();
        enums.Should().HaveCountGreaterThanOrEqualTo(7);

        foreach (var type in enums)
        foreach (var value in Enum.GetValues(type))
        {
            var json = System.Text.Json.JsonSerializer.Serialize(value, type, NdjsonSerializer.Options);
            json.Should().NotMatchRegex("^[0-9]", $"{type.Name}.{value} must be written as a name");
            System.Text.Json.JsonSerializer.Deserialize(json, type, NdjsonSerializer.Options).Should().Be(value);
        }
        System.Text.Json.JsonSerializer.Serialize(PickleStepType.CONTEXT, NdjsonSerializer.Options).Should().Be("\"Context\"");
        System.Text.Json.JsonSerializer.Serialize(HookType.BEFORE_TEST_RUN, NdjsonSerializer.Options).Should().Be("\"BEFORE_TEST_RUN\"");
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_number()
    {
        var reader = new StringReader("{\"testRunStarted\":{\"timestamp\":{\"seconds\":1,\"nanos\":0}}}\n\n{\"pickle\": 3}\n");

        var act = () => NdjsonSerializer.ReadAllAsync(reader, "run.ndjson", TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<NdjsonFormatException>()).Which.Message.Should().StartWith("run.ndjson(3): not a valid");
    }

    [Fact]
    public async Task Write_then_read_gives_equal_json()
    {
        var line = """{"testCaseFinished":{"testCaseStartedId":"8","timestamp":{"seconds":1,"nanos":2},"willBeRetried":false}}""";
        var envelopes = await NdjsonSerializer.ReadAllAsync(new StringReader(line), "x", TestContext.Current.CancellationToken);
        var writer = new StringWriter();

        await NdjsonSerializer.WriteAsync(writer, envelopes, TestContext.Current.CancellationToken);

        writer.ToString().Should().Be(line + "\n");
    }

    public static TheoryData<string> CckFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.CckFeatures, "*.ndjson", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepositoryPaths.CckFeatures, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CckFiles))]
    public void Every_line_of_every_compatibility_kit_file_round_trips(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.CckFeatures, relativePath)).Where(l => l.Length > 0).ToList();
        lines.Should().NotBeEmpty();

        for (var i = 0; i < lines.Count; i++)
        {
            var written = NdjsonSerializer.Serialize(NdjsonSerializer.Deserialize(lines[i]));
            if (!JsonNode.DeepEquals(JsonNode.Parse(lines[i]), JsonNode.Parse(written)))
                Assert.Fail($"{relativePath} line {i + 1} changed in a round trip:\n  kit:  {lines[i]}\n  ours: {written}");
        }
    }
}
