using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>
/// <c>run_command</c> (Critical): starts a real process in the workspace root (no shell), captures its output and
/// kills the whole process tree when it runs past its timeout.
/// </summary>
public sealed class CommandTool(Workspace workspace, TimeSpan? defaultTimeout = null, int maxOutputChars = 20_000)
{
    private readonly Workspace _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
    private readonly TimeSpan _defaultTimeout = defaultTimeout ?? TimeSpan.FromSeconds(60);

    /// <summary>The <c>run_command</c> function.</summary>
    public AIFunction Create() => AIFunctionFactory.Create(
        async ([Description("The program to run (no shell syntax)")] string command,
               [Description("Its arguments, one per item")] string[]? arguments = null,
               [Description("Seconds before the process is killed; 0 for the default")] int timeout_seconds = 0,
               CancellationToken cancellationToken = default) =>
            await RunAsync(command, arguments ?? [], timeout_seconds > 0 ? TimeSpan.FromSeconds(timeout_seconds) : _defaultTimeout, cancellationToken).ConfigureAwait(false),
        "run_command", "Runs a program in the workspace folder and returns its exit code, standard output and standard error.");

    /// <summary>Runs one process; throws <see cref="TimeoutException"/> (after killing it) when it runs too long.</summary>
    public async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = _workspace.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ToolRefusedException($"could not start '{command}': {ex.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TimeoutException($"'{command}' ran longer than {timeout.TotalSeconds:0.###} s and was killed");
        }
        process.WaitForExit(); // flushes the asynchronous output readers

        return $"exit code {process.ExitCode}\nstdout:\n{Cut(stdout)}stderr:\n{Cut(stderr)}";
    }

    private string Cut(StringBuilder text)
    {
        lock (text)
            return text.Length <= maxOutputChars ? text.ToString() : text.ToString(0, maxOutputChars) + "\n[truncated]\n";
    }
}
