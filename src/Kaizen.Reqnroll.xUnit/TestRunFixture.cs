using System.Reflection;
using Reqnroll;
using Xunit;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// The test run of one test assembly, as an xUnit assembly fixture: <c>[BeforeTestRun]</c> hooks before the first test,
/// <c>[AfterTestRun]</c> hooks and the formatters' files closed after the last. The generator derives one per assembly.
/// </summary>
public abstract class TestRunFixture : IAsyncLifetime
{
    private readonly Assembly _testAssembly;

    /// <summary>Binds the fixture to the test assembly whose bindings and reqnroll.json drive the run.</summary>
    protected TestRunFixture(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        _testAssembly = testAssembly;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => await TestRunnerManager.OnTestRunStartAsync(_testAssembly);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await TestRunnerManager.OnTestRunEndAsync(_testAssembly);
        GC.SuppressFinalize(this);
    }
}
