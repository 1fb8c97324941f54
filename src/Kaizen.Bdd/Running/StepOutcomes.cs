using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Snippets;
using MessageException = Io.Cucumber.Messages.Types.Exception;

namespace Kaizen.Bdd.Running;

/// <summary>Statuses, their severity, and the texts shown for undefined and ambiguous steps.</summary>
internal static class StepOutcomes
{
    public static MessageException ToMessageException(System.Exception error) =>
        new(error.GetType().FullName ?? error.GetType().Name, WithoutSkipToken(error.Message), error.StackTrace);

    private static string WithoutSkipToken(string message) =>
        message.StartsWith(Xunit.v3.DynamicSkipToken.Value, StringComparison.Ordinal) ? message[Xunit.v3.DynamicSkipToken.Value.Length..] : message;

    /// <summary>Cucumber's order: failed is worse than ambiguous, than undefined, than pending, than skipped, than passed.</summary>
    public static int Severity(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.Failed => 6,
        ScenarioExecutionStatus.Ambiguous => 5,
        ScenarioExecutionStatus.Undefined => 4,
        ScenarioExecutionStatus.Pending => 3,
        ScenarioExecutionStatus.Skipped => 2,
        ScenarioExecutionStatus.Passed => 1,
        _ => 0,
    };

    public static TestStepResultStatus ToMessage(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.Passed => TestStepResultStatus.PASSED,
        ScenarioExecutionStatus.Skipped => TestStepResultStatus.SKIPPED,
        ScenarioExecutionStatus.Pending => TestStepResultStatus.PENDING,
        ScenarioExecutionStatus.Undefined => TestStepResultStatus.UNDEFINED,
        ScenarioExecutionStatus.Ambiguous => TestStepResultStatus.AMBIGUOUS,
        ScenarioExecutionStatus.Failed => TestStepResultStatus.FAILED,
        _ => TestStepResultStatus.UNKNOWN,
    };

    public static StepSnippet Snippet(PlannedStep step)
    {
        var keyword = step.Keyword switch { StepKeyword.When => "When", StepKeyword.Then => "Then", _ => "Given" };
        var argument = step.PickleStep!.Argument switch
        {
            { DataTable: not null } => StepArgumentKind.DataTable,
            { DocString: not null } => StepArgumentKind.DocString,
            _ => StepArgumentKind.None,
        };
        return StepSnippetGenerator.Generate(keyword, step.PickleStep.Text, argument);
    }

    public static string UndefinedMessage(PlannedStep step) =>
        $"No matching step definition found for the step '{step.PickleStep!.Text}'. Use the following code to create one:"
        + Environment.NewLine + Environment.NewLine
        + "[Binding]" + Environment.NewLine
        + "public class StepDefinitions" + Environment.NewLine
        + "{" + Environment.NewLine
        + Indent(Snippet(step).Code) + Environment.NewLine
        + "}";

    public static string AmbiguousMessage(PlannedStep step) =>
        $"Ambiguous step definitions found for step '{step.PickleStep!.Text}': "
        + string.Join(", ", step.Match!.Candidates.Select(c => $"{c.Binding.DisplayName} [\"{c.Binding.Expression.Source}\"]"));

    private static string Indent(string code) =>
        string.Join(Environment.NewLine, code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
}
