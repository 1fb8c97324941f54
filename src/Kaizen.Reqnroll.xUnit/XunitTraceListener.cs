using Reqnroll.Tracing;
using Xunit;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Sends Reqnroll's step trace and binding output to the running xUnit test's output.</summary>
public sealed class XunitTraceListener : ITraceListener
{
    /// <inheritdoc />
    public void WriteTestOutput(string message) => Write(message);

    /// <inheritdoc />
    public void WriteToolOutput(string message) => Write("-> " + message);

    private static void Write(string message)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null) return;
        try
        {
            output.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // The test already finished (output after the test's end, e.g. from an after-feature hook): nowhere to write.
        }
    }
}
