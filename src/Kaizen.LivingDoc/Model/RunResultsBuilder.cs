using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Model;

/// <summary>Turns one run's envelopes into per-scenario results keyed by <see cref="CaseKey"/>.</summary>
internal static class RunResultsBuilder
{
    /// <param name="run">The run.</param>
    /// <param name="runIndex">Its position in the history (0 = oldest).</param>
    /// <param name="matcher">Finds the feature file of a pickle URI.</param>
    /// <param name="keysByLine">Case key by (feature path, scenario or Examples row line): used when a run has no
    /// gherkinDocument envelopes but its pickles carry their location.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static RunResults Build(RunLog run, int runIndex, FeatureUriMatcher matcher,
        IReadOnlyDictionary<(string Path, long Line), string> keysByLine, DiagnosticBag diagnostics)
    {
        var keys = PickleKeys(run, matcher, keysByLine, diagnostics, out var unmatched);
        var attachmentsByAttempt = run.Attachments.Where(a => a.TestCaseStartedId is not null).ToLookup(a => a.TestCaseStartedId!);
        var cases = new Dictionary<string, CaseResult>(StringComparer.Ordinal);
        foreach (var attempts in run.TestCaseStarts.GroupBy(s => s.TestCaseId))
        {
            var testCase = run.TestCases[attempts.Key];
            if (!keys.TryGetValue(testCase.PickleId, out var key)) continue;
            var ordered = attempts.OrderBy(a => a.Attempt).ToList();
            var final = ordered[^1];
            var result = BuildAttempt(run, testCase, final, attachmentsByAttempt[final.Id].ToList(), diagnostics);
            cases[key] = result with { Attempts = ordered.Count, PassedAfterRetry = ordered.Count > 1 && result.Status == Statuses.Passed };
        }
        return new RunResults(Summarize(run, runIndex, cases), cases, unmatched);
    }

    private static Dictionary<string, string> PickleKeys(RunLog run, FeatureUriMatcher matcher,
        IReadOnlyDictionary<(string Path, long Line), string> keysByLine, DiagnosticBag diagnostics, out IReadOnlyList<string> unmatchedUris)
    {
        var lines = run.AstLines;
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        var unlocated = 0;
        foreach (var pickle in run.Pickles.Values)
        {
            if (matcher.Match(pickle.Uri) is not { } path)
            {
                unmatched.Add(pickle.Uri ?? "(pickle without uri)");
                continue;
            }
            var ids = pickle.AstNodeIds ?? [];
            if (ids.Count == 0 || !lines.TryGetValue(ids[0], out var scenarioLine))
            {
                if (pickle.Location is { } location && keysByLine.TryGetValue((path, location.Line), out var byLine)) keys[pickle.Id] = byLine;
                else unlocated++;
                continue;
            }
            long? rowLine = ids.Count > 1 && lines.TryGetValue(ids[^1], out var row) ? row : null;
            keys[pickle.Id] = CaseKey.Of(path, scenarioLine, rowLine);
        }
        if (unlocated > 0)
            diagnostics.Warn(run.FilePath, null, $"{unlocated} pickle(s) point at no gherkinDocument node and have no known location (missing gherkinDocument envelopes?); their results are left out");
        unmatchedUris = [.. unmatched];
        return keys;
    }

    private static CaseResult BuildAttempt(RunLog run, TestCaseMessage testCase, TestCaseStartedMessage attempt, List<AttachmentMessage> attachments, DiagnosticBag diagnostics)
    {
        var pickle = run.Pickles[testCase.PickleId];
        var pickleSteps = (pickle.Steps ?? []).Select((s, i) => (s, i)).ToDictionary(x => x.s.Id, x => x, StringComparer.Ordinal);
        var finished = run.FinishedAttempts.Contains(attempt.Id);
        var steps = new List<RunStep>();
        var usages = new List<LlmUsage?>();
        var sawPickleStep = false;
        foreach (var testStep in testCase.TestSteps ?? [])
        {
            var result = run.StepResults.GetValueOrDefault((attempt.Id, testStep.Id));
            var status = result is null ? Statuses.Unknown : Statuses.FromMessage(result.Status);
            var stepAttachments = Attachments(attachments.Where(a => a.TestStepId == testStep.Id), usages, run.FilePath, diagnostics);
            if (testStep.PickleStepId is { } pickleStepId && pickleSteps.TryGetValue(pickleStepId, out var found))
            {
                sawPickleStep = true;
                var (docString, dataTable) = Argument(found.s.Argument);
                steps.Add(new RunStep("step", found.i, found.s.Text ?? "", status, result?.Duration?.Milliseconds,
                    ErrorText(status, result), docString, dataTable, stepAttachments));
            }
            else
            {
                var hook = testStep.HookId is { } hookId ? run.Hooks.GetValueOrDefault(hookId) : null;
                var kind = hook?.Type?.StartsWith("AFTER", StringComparison.OrdinalIgnoreCase) == true || (hook?.Type is null && sawPickleStep) ? "after" : "before";
                steps.Add(new RunStep(kind, null, HookName(hook), status, result?.Duration?.Milliseconds, ErrorText(status, result), null, null, stepAttachments));
            }
        }
        var caseAttachments = Attachments(attachments.Where(a => a.TestStepId is null || steps.Count == 0), usages, run.FilePath, diagnostics);
        var caseStatus = !finished && steps.Any(s => s.Status == Statuses.Unknown) ? Statuses.Unknown
            : Statuses.Worst(steps.Select(s => s.Status).Where(s => s != Statuses.Unknown));
        var duration = attempt.Timestamp is { } start && run.AttemptFinishTimes.GetValueOrDefault(attempt.Id) is { } end && end.Seconds + end.Nanos > 0
            ? (end.ToDateTime() - start.ToDateTime()).TotalMilliseconds
            : steps.Sum(s => s.DurationMs ?? 0);
        return new CaseResult(caseStatus, duration, steps, 1, false, LlmUsageAttachment.Sum(usages), caseAttachments);
    }

    private static List<AttachmentView> Attachments(IEnumerable<AttachmentMessage> messages, List<LlmUsage?> usages, string file, DiagnosticBag diagnostics)
    {
        var views = new List<AttachmentView>();
        foreach (var message in messages)
        {
            if (LlmUsageAttachment.IsUsage(message))
            {
                var usage = LlmUsageAttachment.TryRead(message, out var problem);
                if (usage is not null) { usages.Add(usage); continue; }
                diagnostics.Warn(file, null, problem!);
            }
            var base64 = string.Equals(message.ContentEncoding, "BASE64", StringComparison.OrdinalIgnoreCase);
            views.Add(new AttachmentView(message.MediaType ?? "application/octet-stream", message.Body, base64, message.FileName, message.Url));
        }
        return views;
    }

    private static string HookName(HookMessage? hook)
    {
        if (hook is null) return "hook";
        if (!string.IsNullOrEmpty(hook.Name)) return hook.Name;
        if (!string.IsNullOrEmpty(hook.TagExpression)) return $"hook for {hook.TagExpression}";
        return hook.SourceReference?.Uri is { } uri ? $"hook at {uri}:{hook.SourceReference.Location?.Line}" : "hook";
    }

    private static string? ErrorText(string status, TestStepResult? result)
    {
        if (result is null) return null;
        var text = result.Message;
        if (string.IsNullOrEmpty(text) && result.Exception is { } ex)
            text = string.Join("\n", new[] { $"{ex.Type}: {ex.Message}".Trim(' ', ':'), ex.StackTrace }.Where(s => !string.IsNullOrEmpty(s)));
        if (!string.IsNullOrEmpty(text)) return text;
        return status switch
        {
            Statuses.Undefined => "No step definition matches this step.",
            Statuses.Ambiguous => "More than one step definition matches this step.",
            Statuses.Pending => "The step definition is pending (not implemented yet).",
            _ => null,
        };
    }

    internal static (DocStringView?, IReadOnlyList<IReadOnlyList<string>>?) Argument(PickleStepArgument? argument)
    {
        if (argument?.DocString is { } doc) return (new DocStringView(doc.MediaType, doc.Content ?? ""), null);
        if (argument?.DataTable?.Rows is { } rows)
            return (null, rows.Select(r => (IReadOnlyList<string>)(r.Cells ?? []).Select(c => c.Value ?? "").ToList()).ToList());
        return (null, null);
    }

    private static RunSummary Summarize(RunLog run, int runIndex, Dictionary<string, CaseResult> cases)
    {
        var counts = Statuses.All.ToDictionary(s => s, s => cases.Values.Count(c => c.Status == s));
        var started = run.Started?.Timestamp is { Seconds: > 0 } s ? s.ToDateTime() : (DateTimeOffset?)null;
        double? duration = started is not null && run.Finished?.Timestamp is { Seconds: > 0 } f
            ? (f.ToDateTime() - started.Value).TotalMilliseconds
            : cases.Values.Sum(c => c.DurationMs ?? 0);
        var implementation = run.Meta?.Implementation is { } impl ? $"{impl.Name} {impl.Version}".Trim() : null;
        var label = started?.ToString("yyyy-MM-dd HH:mm") ?? Path.GetFileNameWithoutExtension(run.FilePath);
        return new RunSummary($"run-{runIndex + 1}", label, Path.GetFileName(run.FilePath), started, duration, implementation,
            run.IsComplete, counts, LlmUsageAttachment.Sum(cases.Values.Select(c => c.Llm)), RunErrors(run));
    }

    private static List<string> RunErrors(RunLog run)
    {
        var errors = new List<string>();
        foreach (var (hookId, result) in run.FailedRunHooks)
        {
            var hook = hookId is not null ? run.Hooks.GetValueOrDefault(hookId) : null;
            var kind = hook?.Type?.StartsWith("AFTER", StringComparison.OrdinalIgnoreCase) == true ? "AfterAll" : "BeforeAll";
            var text = ErrorText(Statuses.FromMessage(result.Status), result) ?? Statuses.FromMessage(result.Status);
            var name = hook?.Name is { Length: > 0 } n ? $" '{n}'" : hook?.SourceReference?.Uri is { } uri ? $" at {uri}:{hook.SourceReference.Location?.Line}" : "";
            errors.Add($"{kind} hook{name} {Statuses.FromMessage(result.Status)}: {text}");
        }
        if (run.Finished is { } finished && (finished.Message is not null || finished.Exception is not null))
            errors.Add("The run failed: " + (ErrorText(Statuses.Failed, new TestStepResult { Status = "FAILED", Message = finished.Message, Exception = finished.Exception }) ?? "unknown error"));
        foreach (var parseError in run.ParseErrors)
            errors.Add($"Parse error in {parseError.Source?.Uri}:{parseError.Source?.Location?.Line}: {parseError.Message}");
        return errors;
    }
}
