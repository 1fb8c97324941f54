using System.Runtime.InteropServices;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Conversion;
using Kaizen.Bdd.Messages;

using Exception = System.Exception;

namespace Kaizen.Bdd.Running;

/// <summary>
/// One test run: the compiled bindings, the message writer, ids and clock, and the test-run hooks.
/// Shared by every feature of the run (thread-safe: features may run in parallel).
/// </summary>
internal sealed class RunSession
{
    private readonly IEnvelopeSink? _sink;
    private int _failures;
    private long _lastFlush;

    public RunSession(BindingRegistry registry, IEnvelopeSink? sink, IIdGenerator ids, TimeProvider time,
        MissingOrPendingStepsOutcome outcome, string featureLanguage)
    {
        Registry = registry;
        _sink = sink;
        Ids = ids;
        Time = time;
        Outcome = outcome;
        FeatureLanguage = featureLanguage;
        TestRunStartedId = ids.GetNewId();
    }

    public BindingRegistry Registry { get; }
    public IIdGenerator Ids { get; }
    public TimeProvider Time { get; }
    public MissingOrPendingStepsOutcome Outcome { get; }
    public string FeatureLanguage { get; }
    public string TestRunStartedId { get; }

    /// <summary>Set when a BeforeTestRun hook failed: every scenario fails with it.</summary>
    public Exception? RunSetupError { get; private set; }

    /// <summary>A BeforeTestRun hook failed: Cucumber then runs no test case (programmatic runs follow it).</summary>
    public bool BeforeTestRunFailed { get; private set; }

    public bool Success => Volatile.Read(ref _failures) == 0;

    public void ReportFailure() => Interlocked.Increment(ref _failures);

    public void Emit(Envelope envelope) => _sink?.Write(envelope);

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastFlush, Time.GetTimestamp());
        return _sink?.FlushAsync(cancellationToken) ?? ValueTask.CompletedTask;
    }

    /// <summary>
    /// Flushes after a test case when it did not pass or when the last flush is older than <see cref="FlushInterval"/>:
    /// a crash loses at most that much of passing work, and thousands of tiny scenarios do not pay a write each.
    /// </summary>
    public ValueTask FlushAfterTestCaseAsync(bool passed, CancellationToken cancellationToken) =>
        !passed || Time.GetElapsedTime(Interlocked.Read(ref _lastFlush)) >= FlushInterval ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public static TimeSpan FlushInterval { get; } = TimeSpan.FromMilliseconds(500);

    public Timestamp Now()
    {
        var now = Time.GetUtcNow();
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new Timestamp(ticks / TimeSpan.TicksPerSecond, ticks % TimeSpan.TicksPerSecond * 100);
    }

    public static Duration ToDuration(TimeSpan elapsed) =>
        new(elapsed.Ticks / TimeSpan.TicksPerSecond, elapsed.Ticks % TimeSpan.TicksPerSecond * 100);

    public void EmitMeta() => Emit(Envelope.Create(new Meta(
        Cucumber.Messages.ProtocolVersion.Version,
        new Product("Kaizen.Bdd", typeof(RunSession).Assembly.GetName().Version?.ToString() ?? "0.0.0"),
        new Product(".NET", Environment.Version.ToString()),
        new Product(RuntimeInformation.OSDescription, null),
        new Product(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null),
        null)));

    public void EmitFeature(CompiledFeature feature)
    {
        Emit(Envelope.Create(new Source(feature.Source.Uri, feature.Source.Text, Kaizen.Bdd.Markdown.MarkdownGherkin.MediaType(feature.Source.Uri))));
        if (feature.Document is not null) Emit(Envelope.Create(feature.Document));
        foreach (var error in feature.ParseErrors)
        {
            Emit(Envelope.Create(error));
            ReportFailure();
        }
        foreach (var pickle in feature.Pickles) Emit(Envelope.Create(pickle));
    }

    public void EmitBindings()
    {
        foreach (var type in Registry.ParameterTypes.Custom)
            Emit(Envelope.Create(new ParameterType(type.Name, [.. type.Regexes], type.PreferForRegexMatch, type.UseForSnippets, type.Id,
                type.Transformer is null ? null : SourceOf(type.Transformer))));
        foreach (var step in Registry.StepDefinitions)
            Emit(Envelope.Create(new StepDefinition(step.Id, new StepDefinitionPattern(step.Expression.Source, step.Expression.PatternType), SourceOf(step.Method))));
        foreach (var undefined in Registry.UndefinedParameterTypes)
            Emit(new Envelope(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                new UndefinedParameterType(undefined.Expression, undefined.Name)));
        foreach (var hook in Registry.Hooks.Where(h => h.Kind is not (HookKind.BeforeFeature or HookKind.AfterFeature or HookKind.BeforeStep or HookKind.AfterStep)))
            Emit(Envelope.Create(new Hook(hook.Id, hook.Name, SourceOf(hook.Method), hook.TagExpressionText, hook.Kind switch
            {
                HookKind.BeforeTestRun => HookType.BEFORE_TEST_RUN,
                HookKind.AfterTestRun => HookType.AFTER_TEST_RUN,
                HookKind.BeforeScenario => HookType.BEFORE_TEST_CASE,
                _ => HookType.AFTER_TEST_CASE,
            })));
    }

    private static SourceReference SourceOf(System.Reflection.MethodInfo method) =>
        new(null, new JavaMethod(method.DeclaringType?.FullName ?? string.Empty, method.Name,
            method.GetParameters().Select(p => p.ParameterType.FullName ?? p.ParameterType.Name).ToList()), null, null);

    /// <summary>Writes testRunStarted and runs the BeforeTestRun hooks (a failure makes every scenario fail).</summary>
    public async Task StartRunAsync(CancellationToken cancellationToken)
    {
        if (Registry.Errors.Count > 0)
            RunSetupError = new InvalidOperationException("Invalid bindings:" + Environment.NewLine + string.Join(Environment.NewLine, Registry.Errors));
        Emit(Envelope.Create(new TestRunStarted(Now(), TestRunStartedId)));
        var error = await RunTestRunHooksAsync(HookKind.BeforeTestRun, cancellationToken).ConfigureAwait(false);
        BeforeTestRunFailed = error is not null;
        RunSetupError ??= error;
    }

    /// <summary>Runs the AfterTestRun hooks and writes testRunFinished.</summary>
    public async Task FinishRunAsync(CancellationToken cancellationToken)
    {
        var error = await RunTestRunHooksAsync(HookKind.AfterTestRun, cancellationToken).ConfigureAwait(false);
        var problem = RunSetupError ?? error;
        if (problem is not null) ReportFailure();
        // Like Cucumber: the failing hook's own testRunHookFinished carries the error; testRunFinished only says success=false.
        Emit(Envelope.Create(new TestRunFinished(null, Success, Now(), null, TestRunStartedId)));
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Exception?> RunTestRunHooksAsync(HookKind kind, CancellationToken cancellationToken)
    {
        Exception? first = null;
        foreach (var hook in Registry.HooksFor(kind, null))
        {
            var startedId = Ids.GetNewId();
            Emit(new Envelope(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                new TestRunHookStarted(startedId, TestRunStartedId, hook.Id, null, Now()), null, null));
            var started = Time.GetTimestamp();
            TestStepResult result;
            try
            {
                var output = new ScenarioOutput(this, null, startedId);
                var arguments = BindingInvoker.ResolveParameters(hook.Method, type => type == typeof(IScenarioOutput)
                    ? output
                    : throw new InvalidOperationException($"[{kind}] hook {hook.DisplayName} can only take an IScenarioOutput parameter."));
                await BindingInvoker.InvokeAsync(hook.Method, null, arguments).ConfigureAwait(false);
                result = new TestStepResult(ToDuration(Time.GetElapsedTime(started)), null, TestStepResultStatus.PASSED, null);
            }
            catch (Exception error)
            {
                first ??= error;
                result = new TestStepResult(ToDuration(Time.GetElapsedTime(started)), error.ToString(), TestStepResultStatus.FAILED, StepOutcomes.ToMessageException(error));
            }
            Emit(new Envelope(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, new TestRunHookFinished(startedId, result, Now()), null));
        }
        return first;
    }
}
