using System.Text.Json;
using System.Text.Json.Serialization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>
/// Writes a Cucumber Messages NDJSON run for the fixture features, the way a Cucumber implementation does: the official
/// Gherkin parser's gherkinDocument and pickle envelopes (serialized with System.Text.Json: camelCase, enums UPPER_SNAKE),
/// then stepDefinition, testCase, testCaseStarted, testStepFinished, attachment, testCaseFinished and testRunFinished.
/// Scenarios pass unless told otherwise.
/// </summary>
internal sealed class MessagesRunBuilder(string featuresFolder, string uriPrefix = "features/")
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record Outcome(string Status, int? StepIndex, string? Error);

    private readonly Dictionary<string, Outcome> _outcomes = [];
    private readonly Dictionary<string, List<object>> _attachments = [];
    private readonly HashSet<string> _retried = [];
    private readonly HashSet<string> _skippedScenarios = [];
    private readonly List<string> _extraStepDefinitions = [];
    private readonly List<string> _extraLines = [];
    private string[]? _onlyFeatures;
    private DateTimeOffset _startedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private bool _finished = true;
    private bool _gherkinDocuments = true;

    public MessagesRunBuilder StartedAt(DateTimeOffset at) { _startedAt = at; return this; }
    public MessagesRunBuilder Fail(string scenario, string error, int? stepIndex = null) { _outcomes[scenario] = new("FAILED", stepIndex, error); return this; }
    public MessagesRunBuilder Status(string scenario, string status, int? stepIndex = null) { _outcomes[scenario] = new(status, stepIndex, null); return this; }
    public MessagesRunBuilder PassAfterRetry(string scenario) { _retried.Add(scenario); return this; }
    public MessagesRunBuilder NotRunning(string scenario) { _skippedScenarios.Add(scenario); return this; }
    public MessagesRunBuilder Only(params string[] featurePaths) { _onlyFeatures = featurePaths; return this; }
    public MessagesRunBuilder WithUnusedStepDefinition(string pattern) { _extraStepDefinitions.Add(pattern); return this; }
    public MessagesRunBuilder Unfinished() { _finished = false; return this; }
    public MessagesRunBuilder WithoutGherkinDocuments() { _gherkinDocuments = false; return this; }
    public MessagesRunBuilder AppendRawLine(string line) { _extraLines.Add(line); return this; }

    public MessagesRunBuilder Attach(string scenario, string mediaType, string body, string encoding = "IDENTITY", string? fileName = null)
    {
        if (!_attachments.TryGetValue(scenario, out var list)) _attachments[scenario] = list = [];
        list.Add(new { mediaType, body, contentEncoding = encoding, fileName });
        return this;
    }

    public async Task<string> WriteAsync(string path)
    {
        var lines = new List<string>();
        void Emit(string type, object value) => lines.Add(JsonSerializer.Serialize(new Dictionary<string, object> { [type] = value }, Json));
        var ids = new IncrementingIdGenerator();
        Emit("meta", new { protocolVersion = "27.0.0", implementation = new { name = "fixture-runner", version = "1.0.0" } });

        var pickles = new List<Io.Cucumber.Messages.Types.Pickle>();
        foreach (var file in Directory.GetFiles(featuresFolder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(featuresFolder, file).Replace('\\', '/');
            if (_onlyFeatures is not null && !_onlyFeatures.Contains(relative)) continue;
            var uri = uriPrefix + relative;
            var text = await File.ReadAllTextAsync(file);
            Emit("source", new { uri, data = text, mediaType = "text/x.cucumber.gherkin+plain" });
            var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(new StringReader(text)), uri);
            if (_gherkinDocuments) Emit("gherkinDocument", document);
            foreach (var pickle in new PickleCompiler(ids).Compile(document))
            {
                Emit("pickle", pickle);
                pickles.Add(pickle);
            }
        }

        // One step definition per distinct step text (so every definition is used), plus the unused extras.
        var definitionByText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in pickles.SelectMany(p => p.Steps).Select(s => s.Text).Distinct())
        {
            var id = "sd-" + definitionByText.Count;
            definitionByText[text] = id;
            Emit("stepDefinition", new { id, pattern = new { source = text, type = "CUCUMBER_EXPRESSION" }, sourceReference = new { uri = "Steps.cs", location = new { line = definitionByText.Count } } });
        }
        foreach (var (pattern, i) in _extraStepDefinitions.Select((p, i) => (p, i)))
            Emit("stepDefinition", new { id = "sd-unused-" + i, pattern = new { source = pattern, type = "CUCUMBER_EXPRESSION" }, sourceReference = new { uri = "Steps.cs", location = new { line = 900 + i } } });

        var clock = _startedAt;
        object Stamp(DateTimeOffset t) => new { seconds = t.ToUnixTimeSeconds(), nanos = (t.Ticks % TimeSpan.TicksPerSecond) * 100 };
        Emit("testRunStarted", new { id = "run", timestamp = Stamp(clock) });
        var caseNumber = 0;
        foreach (var pickle in pickles)
        {
            var caseId = "tc-" + caseNumber++;
            var steps = pickle.Steps.Select((s, i) => new { id = $"{caseId}-s{i}", pickleStepId = s.Id, stepDefinitionIds = new[] { definitionByText[s.Text] } }).ToList();
            Emit("testCase", new { id = caseId, pickleId = pickle.Id, testSteps = steps });
            if (_skippedScenarios.Contains(pickle.Name)) continue;
            var attempts = _retried.Contains(pickle.Name) ? 2 : 1;
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                var outcome = attempt < attempts - 1 ? new Outcome("FAILED", null, "flaky failure") : _outcomes.GetValueOrDefault(pickle.Name);
                var startedId = $"{caseId}-a{attempt}";
                Emit("testCaseStarted", new { id = startedId, testCaseId = caseId, attempt, timestamp = Stamp(clock) });
                var failAt = outcome is null ? -1 : outcome.StepIndex ?? steps.Count - 1;
                for (var i = 0; i < steps.Count; i++)
                {
                    var status = i < failAt || failAt < 0 ? "PASSED" : i == failAt ? outcome!.Status : "SKIPPED";
                    var durationNanos = (i + 1) * 7_000_000L;
                    if (status != "SKIPPED") clock = clock.AddTicks(durationNanos / 100);
                    var result = status == "FAILED"
                        ? (object)new { status, duration = new { seconds = 0, nanos = durationNanos }, message = outcome!.Error, exception = new { type = "Xunit.Sdk.XunitException", message = outcome.Error } }
                        : new { status, duration = new { seconds = 0, nanos = status == "SKIPPED" ? 0 : durationNanos } };
                    Emit("testStepFinished", new { testCaseStartedId = startedId, testStepId = steps[i].id, testStepResult = result, timestamp = Stamp(clock) });
                    if (i == steps.Count - 1 && attempt == attempts - 1 && _attachments.TryGetValue(pickle.Name, out var attachments))
                        foreach (var a in attachments)
                            Emit("attachment", MergeIds(a, startedId, steps[i].id));
                }
                Emit("testCaseFinished", new { testCaseStartedId = startedId, willBeRetried = attempt < attempts - 1, timestamp = Stamp(clock) });
            }
        }
        if (_finished) Emit("testRunFinished", new { success = _outcomes.Count == 0, timestamp = Stamp(clock.AddMilliseconds(5)), testRunStartedId = "run" });
        lines.AddRange(_extraLines);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static Dictionary<string, object?> MergeIds(object attachment, string startedId, string stepId)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(attachment, Json), Json)!;
        map["testCaseStartedId"] = startedId;
        map["testStepId"] = stepId;
        return map;
    }
}
