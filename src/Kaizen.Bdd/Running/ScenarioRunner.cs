using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Conversion;
using Kaizen.Bdd.Injection;
using DataTable = Kaizen.Bdd.Tables.DataTable;
using DocString = Kaizen.Bdd.Tables.DocString;

using Exception = System.Exception;

namespace Kaizen.Bdd.Running;

/// <summary>
/// Runs one planned test case: hooks and steps in order, remaining steps skipped after the first non-passing one,
/// after-hooks always; emits the test case's messages; disposes the scenario's objects.
/// </summary>
internal sealed class ScenarioRunner(RunSession session, FeatureExecution feature)
{
    public async Task<ScenarioResult> RunAsync(PlannedTestCase plan, CancellationToken cancellationToken)
    {
        var startedId = session.Ids.GetNewId();
        session.Emit(Envelope.Create(new TestCaseStarted(0, startedId, plan.TestCase.Id, null, session.Now())));

        var context = new ScenarioContext(plan.Info, feature.Context, cancellationToken);
        var output = new ScenarioOutput(session, startedId, null);
        var container = new ScenarioContainer();
        container.Register(context);
        container.Register(feature.Context);
        container.Register<IScenarioOutput>(output);

        StepExecution worst = StepExecution.Passed;
        var setupError = session.RunSetupError ?? feature.SetupError;
        if (setupError is not null) worst = new StepExecution(ScenarioExecutionStatus.Failed, setupError.Message, setupError);

        foreach (var step in plan.Steps)
        {
            session.Emit(Envelope.Create(new TestStepStarted(startedId, step.Id, session.Now())));
            output.CurrentTestStepId = step.Id;
            var started = session.Time.GetTimestamp();
            var blocked = worst.Status != ScenarioExecutionStatus.Passed;
            StepExecution result;
            if (step.Hook is { Kind: HookKind.AfterScenario }) result = await RunHookAsync(step.Hook, container).ConfigureAwait(false);
            else if (blocked) result = worst.Status == ScenarioExecutionStatus.Skipped ? StepExecution.Skipped : step.Match?.Kind switch
            {
                // After a failed-ish step Cucumber keeps undefined/ambiguous steps so; after a skipped one everything is SKIPPED.
                StepMatchKind.Undefined => new StepExecution(ScenarioExecutionStatus.Undefined, StepOutcomes.UndefinedMessage(step), null),
                StepMatchKind.Ambiguous => new StepExecution(ScenarioExecutionStatus.Ambiguous, StepOutcomes.AmbiguousMessage(step), null),
                _ => StepExecution.Skipped,
            };
            else if (step.Hook is not null) result = await RunHookAsync(step.Hook, container).ConfigureAwait(false);
            else result = await RunStepAsync(step, plan, context, container).ConfigureAwait(false);
            context.CurrentStepText = null;
            if (result.Status == ScenarioExecutionStatus.Undefined)
                session.Emit(Envelope.Create(new Suggestion(session.Ids.GetNewId(), step.PickleStep!.Id, [new Snippet("csharp", StepOutcomes.Snippet(step).Code)])));

            session.Emit(Envelope.Create(new TestStepFinished(startedId, step.Id, new TestStepResult(
                RunSession.ToDuration(session.Time.GetElapsedTime(started)),
                result.Status == ScenarioExecutionStatus.Failed ? result.Error?.ToString() : result.Message,
                StepOutcomes.ToMessage(result.Status),
                // Pending/skipped are signalled by exceptions in .NET; the kit reports an exception only for real failures.
                result.Status == ScenarioExecutionStatus.Failed && result.Error is not null ? StepOutcomes.ToMessageException(result.Error) : null),
                session.Now())));
            WriteProgress(step, result);

            if (StepOutcomes.Severity(result.Status) > StepOutcomes.Severity(worst.Status))
            {
                worst = result.Status == ScenarioExecutionStatus.Failed
                    ? result with { Message = $"{Describe(step)} failed: {result.Message}" }
                    : result;
                context.ScenarioExecutionStatus = result.Status;
                context.TestError ??= result.Error;
            }
        }

        try { await container.DisposeAsync().ConfigureAwait(false); }
        catch (Exception disposeError) when (worst.Status != ScenarioExecutionStatus.Failed)
        {
            worst = new StepExecution(ScenarioExecutionStatus.Failed, disposeError.Message, disposeError);
        }
        catch (Exception) { /* the scenario already failed with a more useful error */ }

        session.Emit(Envelope.Create(new TestCaseFinished(startedId, session.Now(), false)));
        await session.FlushAfterTestCaseAsync(worst.Status == ScenarioExecutionStatus.Passed, cancellationToken).ConfigureAwait(false);
        if (worst.Status is not (ScenarioExecutionStatus.Passed or ScenarioExecutionStatus.Skipped)) session.ReportFailure();
        return new ScenarioResult(feature.Compiled.Source.Uri, plan.Pickle.Name, plan.Pickle.Id, worst.Status, worst.Message, worst.Error);
    }

    private async Task<StepExecution> RunHookAsync(HookBinding hook, ScenarioContainer container)
    {
        try
        {
            await BindingInvoker.InvokeAsync(hook.Method, container, BindingInvoker.ResolveParameters(hook.Method, container.Resolve)).ConfigureAwait(false);
            return StepExecution.Passed;
        }
        catch (Exception error) { return StepExecution.FromException(error); }
    }

    private async Task<StepExecution> RunStepAsync(PlannedStep step, PlannedTestCase plan, ScenarioContext context, ScenarioContainer container)
    {
        var match = step.Match!;
        if (match.Kind == StepMatchKind.Undefined) return new StepExecution(ScenarioExecutionStatus.Undefined, StepOutcomes.UndefinedMessage(step), null);
        if (match.Kind == StepMatchKind.Ambiguous) return new StepExecution(ScenarioExecutionStatus.Ambiguous, StepOutcomes.AmbiguousMessage(step), null);

        context.CurrentStepText = step.PickleStep!.Text;
        foreach (var hook in session.Registry.HooksFor(HookKind.BeforeStep, plan.Target))
        {
            var before = await RunHookAsync(hook, container).ConfigureAwait(false);
            if (before.Status != ScenarioExecutionStatus.Passed) return before;
        }
        StepExecution result;
        try
        {
            var arguments = await BuildArgumentsAsync(match.Single, step.PickleStep, container).ConfigureAwait(false);
            await BindingInvoker.InvokeAsync(match.Single.Binding.Method, container, arguments).ConfigureAwait(false);
            result = StepExecution.Passed;
        }
        catch (Exception error) { result = StepExecution.FromException(error); }
        foreach (var hook in session.Registry.HooksFor(HookKind.AfterStep, plan.Target))
        {
            var after = await RunHookAsync(hook, container).ConfigureAwait(false);
            if (StepOutcomes.Severity(after.Status) > StepOutcomes.Severity(result.Status)) result = after;
        }
        return result;
    }

    private async Task<object?[]> BuildArgumentsAsync(StepCandidate candidate, PickleStep step, ScenarioContainer container)
    {
        var parameters = candidate.Binding.Parameters;
        var hasBlockArgument = step.Argument is { DataTable: not null } or { DocString: not null };
        var expected = candidate.Arguments.Count + (hasBlockArgument ? 1 : 0);
        if (parameters.Length != expected)
            throw new InvalidOperationException(
                $"Step definition {candidate.Binding.DisplayName} takes {parameters.Length} parameter(s) but the step '{step.Text}' provides {expected} "
                + $"({candidate.Arguments.Count} from the expression{(hasBlockArgument ? " + 1 table/doc string" : string.Empty)}).");
        var values = new object?[parameters.Length];
        for (var i = 0; i < candidate.Arguments.Count; i++)
            values[i] = await feature.Converter.ConvertAsync(candidate.Arguments[i], parameters[i].ParameterType, container).ConfigureAwait(false);
        if (step.Argument?.DataTable is { } table)
            values[^1] = await feature.Converter.ConvertTableAsync(
                new DataTable(table.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList())), parameters[^1].ParameterType, container).ConfigureAwait(false);
        else if (step.Argument?.DocString is { } docString)
            values[^1] = await feature.Converter.ConvertDocStringAsync(
                new DocString(docString.Content, string.IsNullOrEmpty(docString.MediaType) ? null : docString.MediaType), parameters[^1].ParameterType, container).ConfigureAwait(false);
        return values;
    }

    private static string Describe(PlannedStep step) =>
        step.PickleStep is not null ? $"Step '{step.Keyword} {step.PickleStep.Text}'" : $"Hook [{step.Hook!.Kind}] {step.Hook.DisplayName}";

    private static void WriteProgress(PlannedStep step, StepExecution result)
    {
        if (step.PickleStep is null && result.Status == ScenarioExecutionStatus.Passed) return;
        var output = Xunit.TestContext.Current.TestOutputHelper;
        if (output is null) return;
        output.WriteLine($"{Describe(step)} -> {result.Status.ToString().ToLowerInvariant()}");
    }
}
