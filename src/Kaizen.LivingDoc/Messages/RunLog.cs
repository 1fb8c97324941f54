namespace Kaizen.LivingDoc.Messages;

/// <summary>Everything one NDJSON run file said, indexed by id.</summary>
internal sealed class RunLog
{
    public RunLog(string filePath) => FilePath = filePath;

    public string FilePath { get; }
    public MetaMessage? Meta { get; set; }
    public TestRunStartedMessage? Started { get; set; }
    public TestRunFinishedMessage? Finished { get; set; }
    public List<SourceMessage> Sources { get; } = [];
    /// <summary>Line of every AST node id of every gherkinDocument in the run.</summary>
    public AstNodeLines AstLines { get; } = new();
    public Dictionary<string, PickleMessage> Pickles { get; } = new(StringComparer.Ordinal);
    public List<StepDefinitionMessage> StepDefinitions { get; } = [];
    public Dictionary<string, HookMessage> Hooks { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TestCaseMessage> TestCases { get; } = new(StringComparer.Ordinal);
    public List<TestCaseStartedMessage> TestCaseStarts { get; } = [];
    public HashSet<string> FinishedAttempts { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RetriedAttempts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Timestamp> AttemptFinishTimes { get; } = new(StringComparer.Ordinal);
    /// <summary>Step results keyed by (testCaseStartedId, testStepId).</summary>
    public Dictionary<(string Attempt, string Step), TestStepResult> StepResults { get; } = [];
    public List<AttachmentMessage> Attachments { get; } = [];
    public List<ParseErrorMessage> ParseErrors { get; } = [];
    /// <summary>Hook id of each started run-level hook (BeforeAll/AfterAll).</summary>
    public Dictionary<string, string?> RunHookStarts { get; } = new(StringComparer.Ordinal);
    /// <summary>Run-level hooks that did not pass, with their result.</summary>
    public List<(string? HookId, TestStepResult Result)> FailedRunHooks { get; } = [];

    /// <summary>Envelopes of Cucumber Messages types read from the file (0: nothing in it to render).</summary>
    public int UsableEnvelopes { get; set; }

    /// <summary>A run without a testRunFinished envelope was cut short; it still renders what it has.</summary>
    public bool IsComplete => Finished is not null;
}
