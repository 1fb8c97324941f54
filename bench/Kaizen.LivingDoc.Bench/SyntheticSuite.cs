using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;

namespace Kaizen.LivingDoc.Bench;

/// <summary>
/// Writes a synthetic suite: feature files (folders like the real suite) and NDJSON runs in the Cucumber Messages
/// format, with a few failures, durations, and LLM usage attachments varying between runs.
/// </summary>
internal static class SyntheticSuite
{
    private static readonly string[] Categories = ["checkpoints", "interrupts", "memory", "planning", "meta-controller", "tools", "integration", "long-running"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void WriteFeatures(string folder, int scenarios, int scenariosPerFeature)
    {
        for (var f = 0; f * scenariosPerFeature < scenarios; f++)
        {
            var category = Categories[f % Categories.Length];
            var tier = category switch { "integration" => "@slow", "long-running" => "@long-running", _ => "@core" };
            var text = new StringBuilder($"@{category} {tier}\nFeature: {category} behaviour {f}\n  The agent's {category} behaves as specified (**feature {f}**).\n\n  Background:\n    Given an agent configured for {category}\n");
            for (var s = 0; s < scenariosPerFeature && f * scenariosPerFeature + s < scenarios; s++)
            {
                text.Append($"\n  @issue:{f * 10 + s}\n  Scenario: {category} rule {f}.{s} holds\n");
                text.Append($"    Given a conversation of {s + 2} turns\n    When the agent handles request number {s}\n");
                text.Append("    Then the outcome is recorded\n      | field | value |\n      | turns | " + (s + 2) + " |\n");
                text.Append("    And the log contains\n      \"\"\"\n      request handled\n      \"\"\"\n");
            }
            var path = Path.Combine(folder, category, $"behaviour_{f:D3}.feature");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.ToString());
        }
    }

    public static void WriteRun(string featuresFolder, string path, int runIndex, DateTimeOffset startedAt)
    {
        using var writer = new StreamWriter(path);
        void Emit(string type, object value) => writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { [type] = value }, Json));
        object Stamp(DateTimeOffset t) => new { seconds = t.ToUnixTimeSeconds(), nanos = (t.Ticks % TimeSpan.TicksPerSecond) * 100 };
        var ids = new IncrementingIdGenerator();
        Emit("meta", new { protocolVersion = "27.0.0", implementation = new { name = "kaizen-bdd-bench", version = "1.0.0" } });
        var pickles = new List<Io.Cucumber.Messages.Types.Pickle>();
        foreach (var file in Directory.GetFiles(featuresFolder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var uri = "features/" + Path.GetRelativePath(featuresFolder, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            Emit("source", new { uri, data = text, mediaType = "text/x.cucumber.gherkin+plain" });
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), uri);
            Emit("gherkinDocument", document);
            foreach (var pickle in new PickleCompiler(ids).Compile(document)) { Emit("pickle", pickle); pickles.Add(pickle); }
        }
        var definitions = pickles.SelectMany(p => p.Steps).Select(s => s.Text).Distinct().Select((t, i) => (t, id: "sd" + i)).ToDictionary(x => x.t, x => x.id);
        foreach (var (text, id) in definitions)
            Emit("stepDefinition", new { id, pattern = new { source = text, type = "CUCUMBER_EXPRESSION" }, sourceReference = new { uri = "Steps.cs", location = new { line = 1 } } });
        var clock = startedAt;
        Emit("testRunStarted", new { id = "run", timestamp = Stamp(clock) });
        var random = new Random(runIndex);
        for (var c = 0; c < pickles.Count; c++)
        {
            var pickle = pickles[c];
            var caseId = "tc" + c;
            var steps = pickle.Steps.Select((s, i) => new { id = $"{caseId}s{i}", pickleStepId = s.Id, stepDefinitionIds = new[] { definitions[s.Text] } }).ToList();
            Emit("testCase", new { id = caseId, pickleId = pickle.Id, testSteps = steps });
            var startedId = caseId + "a";
            Emit("testCaseStarted", new { id = startedId, testCaseId = caseId, attempt = 0, timestamp = Stamp(clock) });
            var fails = random.Next(100) < 3;
            for (var i = 0; i < steps.Count; i++)
            {
                var status = fails && i == steps.Count - 1 ? "FAILED" : "PASSED";
                var nanos = random.Next(1, 40) * 1_000_000L;
                clock = clock.AddTicks(nanos / 100);
                Emit("testStepFinished", new
                {
                    testCaseStartedId = startedId, testStepId = steps[i].id, timestamp = Stamp(clock),
                    testStepResult = new { status, duration = new { seconds = 0, nanos }, message = status == "FAILED" ? "Expected the log to contain 'request handled'\n   at Steps.Then() in Steps.cs:line 42" : null },
                });
            }
            if (c % 4 == 0)
                Emit("attachment", new { testCaseStartedId = startedId, testStepId = steps[^1].id, mediaType = "application/vnd.kaizen.llm-usage+json", contentEncoding = "IDENTITY",
                    body = $$"""{"inputTokens":{{random.Next(500, 3000)}},"outputTokens":{{random.Next(20, 400)}},"costUsd":0.0012,"model":"qwen2.5:3b"}""" });
            Emit("testCaseFinished", new { testCaseStartedId = startedId, willBeRetried = false, timestamp = Stamp(clock) });
        }
        Emit("testRunFinished", new { success = true, timestamp = Stamp(clock) });
    }
}
