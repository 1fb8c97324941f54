using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// Reqnroll's view of xUnit v3: ignoring a scenario skips its test (<see cref="Assert.Skip(string)"/>), pending and
/// inconclusive fail it with the message, and xUnit's skip exception counts as Skipped.
/// </summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    private const string DynamicSkipPrefix = "$XunitDynamicSkip$";

    /// <inheritdoc />
    public void TestPending(string message) => throw new XunitPendingException(message);

    /// <inheritdoc />
    public void TestInconclusive(string message) => throw new XunitPendingException(message);

    /// <inheritdoc />
    public void TestIgnore(string message) => Assert.Skip(message);

    /// <inheritdoc />
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        SkipException => ScenarioExecutionStatus.Skipped,
        { Message: { } message } when message.StartsWith(DynamicSkipPrefix, StringComparison.Ordinal) => ScenarioExecutionStatus.Skipped,
        XunitPendingException => ScenarioExecutionStatus.StepDefinitionPending,
        _ => null,
    };
}
