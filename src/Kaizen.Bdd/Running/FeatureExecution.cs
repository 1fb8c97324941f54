using System.Globalization;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Conversion;

namespace Kaizen.Bdd.Running;

/// <summary>One feature within a run: its context, planned test cases and feature hooks.</summary>
internal sealed class FeatureExecution
{
    private readonly RunSession _session;
    private readonly ScopeTarget _featureTarget;

    public FeatureExecution(RunSession session, CompiledFeature compiled)
    {
        _session = session;
        Compiled = compiled;
        var info = compiled.Info ?? new FeatureInfo(string.Empty, string.Empty, [], session.FeatureLanguage, compiled.Source.Uri);
        Context = new FeatureContext(info);
        Converter = new ArgumentConverter(session.Registry, CultureFor(info.Language));
        _featureTarget = new ScopeTarget(info.Title, string.Empty, string.Empty, new HashSet<string>(info.Tags, StringComparer.Ordinal));
        TestCases = compiled.Pickles.Select(p => TestCasePlanner.Plan(compiled, p, session)).ToList();
    }

    public CompiledFeature Compiled { get; }
    public FeatureContext Context { get; }
    public ArgumentConverter Converter { get; }
    public IReadOnlyList<PlannedTestCase> TestCases { get; }

    /// <summary>Set when a BeforeFeature hook failed: every scenario of the feature fails with it.</summary>
    public Exception? SetupError { get; private set; }

    public void EmitTestCases()
    {
        foreach (var testCase in TestCases) _session.Emit(Io.Cucumber.Messages.Types.Envelope.Create(testCase.TestCase));
    }

    public PlannedTestCase FindByLine(int line) =>
        TestCases.FirstOrDefault(t => t.Pickle.Location?.Line == line)
        ?? throw new InvalidOperationException($"{Compiled.Source.Uri}: no scenario or Examples row at line {line}; rebuild the test project.");

    public Task<ScenarioResult> RunAsync(PlannedTestCase testCase, CancellationToken cancellationToken) =>
        new ScenarioRunner(_session, this).RunAsync(testCase, cancellationToken);

    public async Task StartAsync()
    {
        foreach (var hook in _session.Registry.HooksFor(HookKind.BeforeFeature, _featureTarget))
        {
            try { await InvokeAsync(hook).ConfigureAwait(false); }
            catch (Exception error)
            {
                SetupError = error;
                return;
            }
        }
    }

    /// <summary>Runs the AfterFeature hooks (all of them, even when one fails); returns the first error.</summary>
    public async Task<Exception?> FinishAsync()
    {
        Exception? first = null;
        foreach (var hook in _session.Registry.HooksFor(HookKind.AfterFeature, _featureTarget))
        {
            try { await InvokeAsync(hook).ConfigureAwait(false); }
            catch (Exception error) { first ??= error; }
        }
        return first;
    }

    private ValueTask<object?> InvokeAsync(HookBinding hook) =>
        BindingInvoker.InvokeAsync(hook.Method, null, BindingInvoker.ResolveParameters(hook.Method, type => type == typeof(FeatureContext)
            ? Context
            : throw new InvalidOperationException($"Feature hook {hook.DisplayName} can only take a FeatureContext parameter.")));

    private static CultureInfo CultureFor(string language)
    {
        try { return CultureInfo.GetCultureInfo(language); }
        catch (CultureNotFoundException) { return CultureInfo.InvariantCulture; }
    }
}
