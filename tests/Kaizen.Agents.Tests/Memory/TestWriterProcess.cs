using System.Diagnostics;

namespace Kaizen.Agents.Tests.Memory;

/// <summary>Runs tests/Kaizen.Memory.TestWriter (copied next to the test assembly) as a real child process.</summary>
internal static class TestWriterProcess
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Kaizen.Memory.TestWriter.dll");

    public static Process Start(string database, string session, int writer, int turns, string concurrency, string durability)
    {
        if (!File.Exists(AssemblyPath)) throw new FileNotFoundException($"Build tests/Kaizen.Memory.TestWriter first; expected {AssemblyPath}.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { AssemblyPath, database, session, writer.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     turns.ToString(System.Globalization.CultureInfo.InvariantCulture), concurrency, durability })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Output)> WaitAsync(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public static Task<(int ExitCode, string Output)> RunAsync(string database, string session, int writer, int turns, string concurrency, string durability) =>
        WaitAsync(Start(database, session, writer, turns, concurrency, durability));
}
