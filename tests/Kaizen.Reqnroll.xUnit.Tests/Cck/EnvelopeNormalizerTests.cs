using System.Text.Json.Nodes;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

[Trait("Category", "cck-support")]
public sealed class EnvelopeNormalizerTests
{
    private static List<JsonObject> Parse(params string[] lines) => lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private static string? Diff(string[] expected, string[] actual) =>
        EnvelopeComparer.FindFirstDifference(EnvelopeNormalizer.Normalize(Parse(expected)), EnvelopeNormalizer.Normalize(Parse(actual)));

    [Fact]
    public void Consistently_renamed_ids_times_uris_and_meta_are_equal()
    {
        string[] kit =
        [
            """{"meta":{"protocolVersion":"33.0.4","implementation":{"name":"fake-cucumber"}}}""",
            """{"pickle":{"id":"3","uri":"samples/minimal/minimal.feature","astNodeIds":["1"]}}""",
            """{"testCase":{"id":"6","pickleId":"3","testSteps":[{"id":"7","pickleStepId":"2"}]}}""",
            """{"testStepFinished":{"testCaseStartedId":"8","testStepId":"7","testStepResult":{"status":"PASSED","duration":{"seconds":0,"nanos":1000000}},"timestamp":{"seconds":0,"nanos":3000000}}}""",
        ];
        string[] ours =
        [
            """{"meta":{"protocolVersion":"35.0.0","implementation":{"name":"Kaizen.Bdd"}}}""",
            """{"pickle":{"id":"a","uri":"/tmp/x/minimal.feature","astNodeIds":["b"]}}""",
            """{"testCase":{"id":"c","pickleId":"a","testSteps":[{"id":"d","pickleStepId":"e"}]}}""",
            """{"testStepFinished":{"testCaseStartedId":"f","testStepId":"d","testStepResult":{"status":"PASSED","duration":{"seconds":3,"nanos":5}},"timestamp":{"seconds":1700000000,"nanos":9}}}""",
        ];

        Diff(kit, ours).Should().BeNull();
    }

    [Fact]
    public void A_reference_to_the_wrong_id_is_a_difference()
    {
        string[] kit = ["""{"testCase":{"id":"6","pickleId":"3"}}""", """{"testCaseStarted":{"id":"8","testCaseId":"6"}}"""];
        string[] ours = ["""{"testCase":{"id":"6","pickleId":"3"}}""", """{"testCaseStarted":{"id":"8","testCaseId":"3"}}"""];

        Diff(kit, ours).Should().Contain("$.testCaseStarted.testCaseId: expected \"#1\", but ours is \"#2\"");
    }

    [Fact]
    public void A_status_difference_is_reported_with_path_and_both_envelopes()
    {
        string[] kit = ["""{"testStepFinished":{"testStepResult":{"status":"PASSED"}}}"""];
        string[] ours = ["""{"testStepFinished":{"testStepResult":{"status":"FAILED"}}}"""];

        var report = Diff(kit, ours);

        report.Should().StartWith("Envelope 1 differs (expected 1 envelopes, got 1).\n"
            + "First difference: $.testStepFinished.testStepResult.status: expected \"PASSED\", but ours is \"FAILED\"");
        report.Should().Contain("Expected (kit):").And.Contain("Actual (ours):").And.Contain("> ");
    }

    [Fact]
    public void Missing_and_extra_envelopes_and_properties_are_differences()
    {
        Diff(["""{"testRunStarted":{}}""", """{"testRunFinished":{"success":true}}"""], ["""{"testRunStarted":{}}"""])
            .Should().Contain("Envelope 2 differs (expected 2 envelopes, got 1)").And.Contain("(no more envelopes)");
        Diff(["""{"hook":{"id":"1","type":"BEFORE_TEST_CASE"}}"""], ["""{"hook":{"id":"1","type":"BEFORE_TEST_CASE","name":"x"}}"""])
            .Should().Contain("$.hook.name: not expected, but ours has \"x\"");
        Diff(["""{"testCaseFinished":{"willBeRetried":false}}"""], ["""{"testCaseFinished":{}}"""])
            .Should().Contain("$.testCaseFinished.willBeRetried: missing, expected false");
    }

    [Fact]
    public void Exception_details_and_messages_are_placeholders_but_their_presence_counts()
    {
        var withError = """{"testStepFinished":{"testStepResult":{"status":"FAILED","message":"Error: whoops\n at x.ts:3","exception":{"type":"Error","message":"whoops","stackTrace":"at x.ts:3"}}}}""";
        var ours = """{"testStepFinished":{"testStepResult":{"status":"FAILED","message":"System.InvalidOperationException: whoops\n at Steps.cs:12","exception":{"type":"System.InvalidOperationException","message":"whoops"}}}}""";
        var without = """{"testStepFinished":{"testStepResult":{"status":"FAILED"}}}""";

        Diff([withError], [ours]).Should().BeNull();
        Diff([withError], [without]).Should().Contain("$.testStepFinished.testStepResult.message: missing");
    }

    [Fact]
    public void Glue_order_and_source_references_do_not_matter_but_glue_content_does()
    {
        string[] kit =
        [
            """{"hook":{"id":"1","type":"BEFORE_TEST_CASE","sourceReference":{"uri":"a.ts","location":{"line":3}}}}""",
            """{"stepDefinition":{"id":"2","pattern":{"type":"CUCUMBER_EXPRESSION","source":"a step"},"sourceReference":{"uri":"a.ts"}}}""",
            """{"testRunStarted":{"id":"3"}}""",
        ];
        string[] ours =
        [
            """{"stepDefinition":{"id":"x","pattern":{"type":"CUCUMBER_EXPRESSION","source":"a step"},"sourceReference":{"javaMethod":{"className":"S","methodName":"M"}}}}""",
            """{"hook":{"id":"y","type":"BEFORE_TEST_CASE","sourceReference":{"uri":"S.cs"}}}""",
            """{"testRunStarted":{"id":"z"}}""",
        ];
        string[] wrongPattern = [ours[0].Replace("a step", "b step"), ours[1], ours[2]];

        Diff(kit, ours).Should().BeNull();
        Diff(kit, wrongPattern).Should().Contain("$.stepDefinition.pattern.source: expected \"a step\", but ours is \"b step\"");
    }

    [Fact]
    public void Test_cases_announced_just_before_they_start_equal_test_cases_announced_up_front()
    {
        string[] kit =
        [
            """{"testRunStarted":{"id":"1"}}""",
            """{"testCase":{"id":"2","testRunStartedId":"1"}}""",
            """{"testCase":{"id":"3","testRunStartedId":"1"}}""",
            """{"testCaseStarted":{"id":"4","testCaseId":"2"}}""",
            """{"testCaseStarted":{"id":"5","testCaseId":"3"}}""",
        ];
        string[] ours = [kit[0], kit[1], kit[3], kit[2], kit[4]];
        string[] swappedStarts = [kit[0], kit[1], kit[2], kit[4], kit[3]];

        Diff(kit, ours).Should().BeNull();
        Diff(kit, swappedStarts).Should().NotBeNull();
    }

    [Fact]
    public void Ambiguous_definition_order_is_ignored_but_the_set_of_definitions_is_not()
    {
        string[] glue =
        [
            """{"stepDefinition":{"id":"1","pattern":{"type":"REGULAR_EXPRESSION","source":"^a (.*?) with (.*?)$"}}}""",
            """{"stepDefinition":{"id":"2","pattern":{"type":"REGULAR_EXPRESSION","source":"^a step with (.*?)$"}}}""",
        ];
        var kitCase = """{"testCase":{"id":"3","testSteps":[{"stepDefinitionIds":["1","2"],"stepMatchArgumentsLists":[{"stepMatchArguments":[1]},{"stepMatchArguments":[2]}]}]}}""";
        var ourCase = """{"testCase":{"id":"3","testSteps":[{"stepDefinitionIds":["2","1"],"stepMatchArgumentsLists":[{"stepMatchArguments":[2]},{"stepMatchArguments":[1]}]}]}}""";
        var oneOnly = """{"testCase":{"id":"3","testSteps":[{"stepDefinitionIds":["2"],"stepMatchArgumentsLists":[{"stepMatchArguments":[2]}]}]}}""";

        Diff([.. glue, kitCase], [.. glue, ourCase]).Should().BeNull();
        Diff([.. glue, kitCase], [.. glue, oneOnly]).Should().NotBeNull();
    }

    [Fact]
    public void Snippet_code_and_count_are_ignored_but_having_none_is_not()
    {
        var kit = """{"suggestion":{"id":"1","pickleStepId":"2","snippets":[{"language":"typescript","code":"Given(...)"},{"language":"typescript","code":"Given(...)"}]}}""";
        var ours = """{"suggestion":{"id":"1","pickleStepId":"2","snippets":[{"language":"csharp","code":"[Given(...)]"}]}}""";
        var none = """{"suggestion":{"id":"1","pickleStepId":"2","snippets":[]}}""";

        Diff([kit], [ours]).Should().BeNull();
        Diff([kit], [none]).Should().NotBeNull();
    }

    [Fact]
    public void Property_order_does_not_change_id_numbering()
    {
        var kit = """{"scenario":{"id":"1","steps":[{"id":"0","text":"a"}]}}""";
        var ours = """{"scenario":{"steps":[{"text":"a","id":"0"}],"id":"1"}}""";
        var swapped = """{"scenario":{"steps":[{"text":"a","id":"1"}],"id":"0"}}""";

        Diff([kit], [ours]).Should().BeNull();
        Diff([kit, """{"pickle":{"astNodeIds":["1"]}}"""], [swapped, """{"pickle":{"astNodeIds":["1"]}}"""]).Should().NotBeNull();
    }

    [Fact]
    public void Messages_and_exceptions_of_results_that_did_not_fail_are_dropped()
    {
        var kit = """{"testStepFinished":{"testStepResult":{"status":"PENDING"}}}""";
        var ours = """{"testStepFinished":{"testStepResult":{"status":"PENDING","message":"One or more step definitions are not implemented yet."}}}""";

        var oursWithException = """{"testStepFinished":{"testStepResult":{"status":"PENDING","exception":{"type":"Kaizen.Bdd.PendingStepException","message":"TODO"}}}}""";

        Diff([kit], [ours]).Should().BeNull();
        Diff([kit], [oursWithException]).Should().BeNull();
        Diff([kit], ["""{"testStepFinished":{"testStepResult":{"status":"FAILED","message":"x"}}}"""]).Should().Contain("status");
    }

    [Fact]
    public void Empty_group_children_equal_absent_ones_but_missing_nested_groups_are_differences()
    {
        var kit = """{"testCase":{"testSteps":[{"stepMatchArgumentsLists":[{"stepMatchArguments":[{"group":{"start":7,"value":"42"}}]}]}]}}""";
        var ours = """{"testCase":{"testSteps":[{"stepMatchArgumentsLists":[{"stepMatchArguments":[{"group":{"start":7,"value":"42","children":[]}}]}]}]}}""";
        var nestedKit = """{"testCase":{"testSteps":[{"stepMatchArgumentsLists":[{"stepMatchArguments":[{"group":{"children":[{"start":1,"children":[{}]}]}}]}]}]}}""";
        var nestedOurs = """{"testCase":{"testSteps":[{"stepMatchArgumentsLists":[{"stepMatchArguments":[{"group":{"children":[{"start":1,"children":[]}]}}]}]}]}}""";

        Diff([kit], [ours]).Should().BeNull();
        Diff([nestedKit], [nestedOurs]).Should().Contain("children[0].children: missing");
    }

    [Fact]
    public void Suggestions_are_compared_in_order_wherever_they_were_emitted()
    {
        var suggestion1 = """{"suggestion":{"id":"s1","pickleStepId":"p1","snippets":[]}}""";
        var suggestion2 = """{"suggestion":{"id":"s2","pickleStepId":"p2","snippets":[]}}""";
        var pickle = """{"pickle":{"steps":[{"id":"p1"},{"id":"p2"}]}}""";
        var step = """{"testStepStarted":{"testStepId":"t"}}""";

        Diff([pickle, step, suggestion1, suggestion2], [pickle, suggestion1, suggestion2, step]).Should().BeNull();
        Diff([pickle, step, suggestion1, suggestion2], [pickle, suggestion2, suggestion1, step]).Should().NotBeNull();
    }

    [Fact]
    public void The_run_message_is_informative_but_success_and_exception_count()
    {
        var kit = """{"testRunFinished":{"success":false}}""";

        Diff([kit], ["""{"testRunFinished":{"success":false,"message":"1 AfterTestRun hook failed"}}"""]).Should().BeNull();
        Diff([kit], ["""{"testRunFinished":{"success":true}}"""]).Should().Contain("success");
        Diff([kit], ["""{"testRunFinished":{"success":false,"exception":{"type":"X"}}}"""]).Should().Contain("exception");
    }
}
