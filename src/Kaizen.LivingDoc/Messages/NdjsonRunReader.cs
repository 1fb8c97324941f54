using System.Text.Json;

namespace Kaizen.LivingDoc.Messages;

/// <summary>
/// Reads a Cucumber Messages NDJSON file (one envelope per line, camelCase, enums UPPER_SNAKE). A malformed or cut-off
/// line is an error naming its file and line (the page is then not written); an envelope type outside the protocol is
/// a warning and is skipped.
/// </summary>
internal static class NdjsonRunReader
{
    public static async Task<RunLog> ReadAsync(string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        // Lines are deserialized straight from UTF-8 bytes: runs of a large suite are tens of megabytes.
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var run = new RunLog(path);
        var lineNumber = 0;
        var envelopes = 0;
        var lastLine = LastNonBlankLine(bytes);
        ReadOnlyMemory<byte> rest = bytes;
        if (rest.Span.StartsWith(Utf8Bom)) rest = rest[Utf8Bom.Length..];
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            lineNumber++;
            if (line.Span.Trim(Whitespace).IsEmpty) continue;
            Envelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(line.Span, MessagesJsonContext.Default.Envelope);
            }
            catch (JsonException ex)
            {
                if (IsJson(line))
                    diagnostics.Error(path, lineNumber, $"not a Cucumber Messages envelope: {FirstSentence(ex.Message)}");
                else if (lineNumber == lastLine)
                    diagnostics.Error(path, lineNumber, "the last line is cut off: the run was probably interrupted while writing it; " +
                                                        "delete that line to render what the run recorded");
                else
                    diagnostics.Error(path, lineNumber, $"not valid JSON: {FirstSentence(ex.Message)}");
                continue;
            }
            if (envelope is null)
            {
                diagnostics.Error(path, lineNumber, "expected a JSON object (one envelope per line), found null");
                continue;
            }
            if (envelope.ReadsNothing && EnvelopeTypes.Unknown(line.Span) is { } unknown)
            {
                diagnostics.Warn(path, lineNumber, unknown);
                continue;
            }
            var problem = Add(run, envelope);
            if (problem is not null) diagnostics.Error(path, lineNumber, problem);
            else envelopes++;
        }
        run.UsableEnvelopes = envelopes;
        if (envelopes > 0 && !run.IsComplete && run.TestCaseStarts.Count > 0)
            diagnostics.Warn(path, null, "no testRunFinished envelope: the run is incomplete, rendering what it recorded");
        return run;
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    private static int LastNonBlankLine(byte[] bytes)
    {
        var lines = bytes.AsSpan().TrimEnd(Whitespace);
        return lines.IsEmpty ? 0 : lines.Count((byte)'\n') + 1;
    }

    private static bool IsJson(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var _ = JsonDocument.Parse(line);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>Indexes one envelope; returns a description of what is wrong with it, or null.</summary>
    private static string? Add(RunLog run, Envelope e)
    {
        if (e.Meta is { } meta) run.Meta = meta;
        if (e.Source is { } source) run.Sources.Add(source);
        if (e.GherkinDocument is { } lines)
            foreach (var (id, line) in lines) run.AstLines[id] = line;
        if (e.Pickle is { } pickle)
        {
            if (string.IsNullOrEmpty(pickle.Id)) return "pickle without an id";
            run.Pickles[pickle.Id] = pickle;
        }
        if (e.StepDefinition is { } stepDefinition) run.StepDefinitions.Add(stepDefinition);
        if (e.Hook is { } hook && !string.IsNullOrEmpty(hook.Id)) run.Hooks[hook.Id] = hook;
        if (e.TestRunStarted is { } started) run.Started = started;
        if (e.TestRunFinished is { } finished) run.Finished = finished;
        if (e.TestCase is { } testCase)
        {
            if (string.IsNullOrEmpty(testCase.Id) || string.IsNullOrEmpty(testCase.PickleId)) return "testCase without id or pickleId";
            run.TestCases[testCase.Id] = testCase;
        }
        if (e.TestCaseStarted is { } caseStarted)
        {
            if (string.IsNullOrEmpty(caseStarted.Id) || string.IsNullOrEmpty(caseStarted.TestCaseId)) return "testCaseStarted without id or testCaseId";
            if (!run.TestCases.ContainsKey(caseStarted.TestCaseId)) return $"testCaseStarted refers to unknown testCase '{caseStarted.TestCaseId}'";
            run.TestCaseStarts.Add(caseStarted);
        }
        if (e.TestCaseFinished is { } caseFinished)
        {
            run.FinishedAttempts.Add(caseFinished.TestCaseStartedId);
            if (caseFinished.WillBeRetried) run.RetriedAttempts.Add(caseFinished.TestCaseStartedId);
            if (caseFinished.Timestamp is { } t) run.AttemptFinishTimes[caseFinished.TestCaseStartedId] = t;
        }
        if (e.TestStepFinished is { } stepFinished)
        {
            if (stepFinished.TestStepResult is null) return "testStepFinished without testStepResult";
            run.StepResults[(stepFinished.TestCaseStartedId, stepFinished.TestStepId)] = stepFinished.TestStepResult;
        }
        if (e.Attachment is { } attachment) run.Attachments.Add(attachment);
        if (e.ExternalAttachment is { } external) run.Attachments.Add(external);
        if (e.ParseError is { } parseError) run.ParseErrors.Add(parseError);
        if (e.TestRunHookStarted is { } hookStarted) run.RunHookStarts[hookStarted.Id] = hookStarted.HookId;
        if (e.TestRunHookFinished is { Result: { } hookResult } hookFinished && !string.Equals(hookResult.Status, "PASSED", StringComparison.OrdinalIgnoreCase))
            run.FailedRunHooks.Add((run.RunHookStarts.GetValueOrDefault(hookFinished.TestRunHookStartedId), hookResult));
        return null;
    }
}
