using System.Diagnostics;
using System.Text;

namespace Kaizen.Packaging.Tests;

/// <summary>Runs a command (the dotnet CLI, an installed tool) and hands back its exit code and combined output.</summary>
internal static class DotnetCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} took longer than {timeout}:\n{output}");
        }

        lock (output) return (process.ExitCode, output.ToString());
    }

    public static Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments) =>
        RunAsync("dotnet", workingDirectory, TimeSpan.FromMinutes(10), arguments);
}
