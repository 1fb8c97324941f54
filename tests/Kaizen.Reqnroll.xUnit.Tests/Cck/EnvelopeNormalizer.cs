using System.Text.Json.Nodes;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Removes from Cucumber Messages what legitimately differs between implementations and runs, so the kit's
/// envelopes and ours can be compared as JSON:
/// <list type="bullet">
/// <item>ids become <c>#1</c>, <c>#2</c>… in order of first appearance (references stay consistent);</item>
/// <item>timestamps and durations become zero; <c>workerId</c> is dropped;</item>
/// <item>uris keep only the file name; <c>meta</c> becomes <c>{}</c>; <c>sourceReference</c> of glue is dropped;</item>
/// <item>exceptions (type, message, stack trace) and failure messages become placeholders (presence is kept); the
///   message and exception of a result that is not FAILED (a pending reason, the candidates of an ambiguous step, the
///   exception that signals pending or skipped, which .NET bindings always throw) are dropped;</item>
/// <item>an empty <c>children</c> list of a match group equals an absent one;</item>
/// <item>suggestion envelopes move to the end (in order): one implementation emits them while the step runs,
///   another when the test case is planned;</item>
/// <item>the informative <c>message</c> of testRunFinished is dropped (its <c>success</c> and <c>exception</c> count);</item>
/// <item>snippets become one placeholder: language, code and how many variants are offered (Cucumber offers one per
///   matching parameter type, <c>{int}</c> and <c>{float}</c> for a number) are the implementation's; having none is not;</item>
/// <item>a run of consecutive glue envelopes (parameterType, stepDefinition, hook) is sorted by content, since
///   definition order follows source order in each language;</item>
/// <item><c>pickle.location</c> is dropped: the field is newer than Cucumber.Messages 30.1, the schema Reqnroll 3.3.4
///   writes (docs/cck-conformance.md);</item>
/// <item>the run's static envelopes come first, in this order: meta, then source, gherkinDocument and pickle envelopes
///   (in emitted order), then the glue; an implementation may announce them after the run started (Reqnroll does);</item>
/// <item>testCase envelopes move to just after testRunStarted (an implementation may announce each test case
///   right before it starts); the ids of an ambiguous step's definitions are sorted.</item>
/// </list>
/// </summary>
internal static class EnvelopeNormalizer
{
    public const string Placeholder = "<normalised>";

    private static readonly string[] GlueKinds = ["parameterType", "stepDefinition", "hook"];

    public static List<JsonObject> Normalize(IEnumerable<JsonObject> envelopes)
    {
        var list = envelopes.Select(e => (JsonObject)e.DeepClone()).ToList();
        list = StaticEnvelopesFirst(list);
        list = SortGlueRuns(list);
        list = MoveTestCasesAfterRunStart(list);
        list = [.. list.Where(e => Kind(e) != "suggestion"), .. list.Where(e => Kind(e) == "suggestion")];
        var ids = new IdMap();
        foreach (var envelope in list)
            Scrub(envelope, parentKey: null, ids);
        foreach (var envelope in list)
            SortAmbiguousDefinitions(envelope);
        return list;
    }

    public static string Kind(JsonObject envelope) => envelope.Select(p => p.Key).FirstOrDefault() ?? "(empty)";

    private static readonly string[] SourceKinds = ["source", "gherkinDocument", "pickle"];

    private static List<JsonObject> StaticEnvelopesFirst(List<JsonObject> list) =>
    [
        .. list.Where(e => Kind(e) == "meta"),
        .. list.Where(e => SourceKinds.Contains(Kind(e))),
        .. list.Where(e => GlueKinds.Contains(Kind(e))),
        .. list.Where(e => Kind(e) != "meta" && !SourceKinds.Contains(Kind(e)) && !GlueKinds.Contains(Kind(e))),
    ];

    private static List<JsonObject> SortGlueRuns(List<JsonObject> list)
    {
        var result = new List<JsonObject>(list.Count);
        var run = new List<JsonObject>();
        foreach (var envelope in list)
        {
            if (GlueKinds.Contains(Kind(envelope)))
            {
                run.Add(envelope);
                continue;
            }
            result.AddRange(run.OrderBy(GlueSortKey, StringComparer.Ordinal));
            run.Clear();
            result.Add(envelope);
        }
        result.AddRange(run.OrderBy(GlueSortKey, StringComparer.Ordinal));
        return result;
    }

    private static string GlueSortKey(JsonObject envelope)
    {
        var kind = Kind(envelope);
        var body = envelope[kind]!.AsObject();
        return kind switch
        {
            "parameterType" => $"0|{body["name"]}",
            "stepDefinition" => $"1|{body["pattern"]?["type"]}|{body["pattern"]?["source"]}",
            _ => $"2|{body["type"]}|{body["name"]}|{body["tagExpression"]}",
        };
    }

    private static List<JsonObject> MoveTestCasesAfterRunStart(List<JsonObject> list)
    {
        var start = list.FindIndex(e => Kind(e) == "testRunStarted");
        if (start < 0) return list;
        var testCases = list.Where(e => Kind(e) == "testCase").ToList();
        var rest = list.Where(e => Kind(e) != "testCase").ToList();
        rest.InsertRange(start + 1, testCases);
        return rest;
    }

    private static void Scrub(JsonObject node, string? parentKey, IdMap ids)
    {
        // Visit properties in name order: ids are numbered by first appearance, which must not depend on how each
        // implementation orders properties.
        foreach (var key in node.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
        {
            var value = node[key];
            switch (key)
            {
                case "meta" when parentKey is null:
                    node[key] = new JsonObject();
                    continue;
                case "location" when parentKey == "pickle":
                case "sourceReference":
                case "workerId":
                    node.Remove(key);
                    continue;
                case "timestamp" or "duration" when value is JsonObject:
                    node[key] = new JsonObject { ["seconds"] = 0, ["nanos"] = 0 };
                    continue;
                case "exception" when value is JsonObject && parentKey is "testStepResult" or "result" && !IsFailed(node):
                    node.Remove(key);
                    continue;
                case "exception" when value is JsonObject:
                    node[key] = new JsonObject { ["type"] = Placeholder, ["message"] = Placeholder };
                    continue;
                case "message" when parentKey is "testStepResult" or "result":
                    if (IsFailed(node)) node[key] = Placeholder;
                    else node.Remove(key);
                    continue;
                case "message" when parentKey is "testRunFinished":
                    // Informative text about the run: optional in the protocol, worded by each implementation.
                    node.Remove(key);
                    continue;
                case "children" when parentKey is "group" or "children" && value is JsonArray { Count: 0 }:
                    node.Remove(key);
                    continue;
                case "snippets" when value is JsonArray snippets:
                    node[key] = snippets.Count == 0
                        ? new JsonArray()
                        : new JsonArray(new JsonObject { ["language"] = Placeholder, ["code"] = Placeholder });
                    continue;
                case "uri" when value is JsonValue uri:
                    var text = uri.GetValue<string>();
                    node[key] = text[(text.LastIndexOf('/') + 1)..];
                    continue;
            }

            if (IsIdKey(key) && value is JsonValue id && id.TryGetValue<string>(out var idText))
                node[key] = ids.Map(idText);
            else if (key.EndsWith("Ids", StringComparison.Ordinal) && value is JsonArray idArray)
                node[key] = new JsonArray(idArray.Select(i => (JsonNode)ids.Map(i!.GetValue<string>())).ToArray());
            else if (value is JsonObject child)
                Scrub(child, key, ids);
            else if (value is JsonArray array)
                foreach (var item in array.OfType<JsonObject>())
                    Scrub(item, key, ids);
        }
    }

    private static bool IsFailed(JsonObject result) => result["status"]?.GetValue<string>() == "FAILED";

    private static bool IsIdKey(string key) => key == "id" || key.EndsWith("Id", StringComparison.Ordinal);

    private static void SortAmbiguousDefinitions(JsonObject envelope)
    {
        if (envelope["testCase"]?["testSteps"] is not JsonArray steps) return;
        foreach (var step in steps.OfType<JsonObject>())
        {
            if (step["stepDefinitionIds"] is not JsonArray definitionIds || definitionIds.Count < 2) continue;
            var argumentLists = step["stepMatchArgumentsLists"] as JsonArray;
            var pairs = definitionIds.Select((id, i) => (Id: id!.GetValue<string>(),
                    Arguments: argumentLists is not null && argumentLists.Count == definitionIds.Count ? argumentLists[i]?.DeepClone() : null))
                .OrderBy(p => int.Parse(p.Id.TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            step["stepDefinitionIds"] = new JsonArray(pairs.Select(p => (JsonNode)p.Id).ToArray());
            if (argumentLists is not null && argumentLists.Count == definitionIds.Count)
                step["stepMatchArgumentsLists"] = new JsonArray(pairs.Select(p => p.Arguments).ToArray());
        }
    }

    private sealed class IdMap
    {
        private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);

        public string Map(string id)
        {
            if (!_map.TryGetValue(id, out var canonical))
            {
                canonical = "#" + (_map.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                _map[id] = canonical;
            }
            return canonical;
        }
    }
}
