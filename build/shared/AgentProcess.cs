using System.Diagnostics;
using System.Threading.Channels;

namespace Kaizen.Testing.Processes;

/// <summary>
/// Runs Kaizen.Agents.TestHost (copied next to the tests) as a real child process and reads its output lines. Shared by
/// the test projects and the specs (compiled into each through build/TestProject.props).
/// </summary>
public sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private readonly TimeSpan LineTimeout;

    // GNU coreutils env (8.31+): --default-signal resets a signal's handling to the default before exec.
    private const string ResetSignals = "/usr/bin/env";

    private AgentProcess(TimeSpan lineTimeout, string[] args, string hostName = "Kaizen.Agents.TestHost")
    {
        LineTimeout = lineTimeout;
        var host = Path.Combine(AppContext.BaseDirectory, hostName + ".dll");
        if (!File.Exists(host)) throw new FileNotFoundException($"The test host is missing next to the tests: the test project must reference tests/{hostName}.", host);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (OperatingSystem.IsLinux() && File.Exists(ResetSignals))
        {
            // A test run started as a background job without job control (`(cmd &)`) hands its children an ignored
            // SIGINT, and .NET keeps an inherited ignored SIGINT ignored: start the host with it reset, as from a terminal,
            // so the signal tests test the agent and not how the run was launched.
            start.FileName = ResetSignals;
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(host);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test host.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is null) _lines.Writer.TryComplete(); else _lines.Writer.TryWrite(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) StandardError.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public List<string> StandardError { get; } = [];

    public int Id => _process.Id;

    /// <summary>Starts the host; each line must come within 60 s.</summary>
    public static AgentProcess Start(params string[] args) => new(TimeSpan.FromSeconds(60), args);

    /// <summary>Starts the host with a longer wait per line (a real model on a busy CPU).</summary>
    public static AgentProcess StartPatient(TimeSpan lineTimeout, params string[] args) => new(lineTimeout, args);

    /// <summary>Starts another host assembly copied next to the tests (e.g. Kaizen.Agents.PostgreSql.TestHost).</summary>
    public static AgentProcess StartHost(string hostName, TimeSpan lineTimeout, params string[] args) => new(lineTimeout, args, hostName);

    /// <summary>The next output line, or null at the end of output.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        try
        {
            return await _lines.Reader.WaitToReadAsync(timeout.Token) && _lines.Reader.TryRead(out var line) ? line : null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The test host printed nothing for {LineTimeout.TotalSeconds} s. stderr: {string.Join("\n", StandardError)}");
        }
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>.</summary>
    public async Task<string> ReadUntilAsync(string prefix)
    {
        while (await ReadLineAsync() is { } line)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
        throw new InvalidOperationException($"The test host ended without printing '{prefix}…' (exit {ExitCodeOrNull()}). stderr: {string.Join("\n", StandardError)}");
    }

    /// <summary>SIGKILL: no handler, no cleanup, like a crash or an OOM kill.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends a POSIX signal ("INT" or "TERM") straight through libc, with no helper process to start first.</summary>
    public void Signal(string name)
    {
        var number = name switch { "INT" => 2, "TERM" => 15, _ => throw new ArgumentException($"Unsupported signal '{name}': use INT or TERM.", nameof(name)) };
        if (SendSignal(_process.Id, number) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIG{name}) failed with errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}.");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(LineTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    private string ExitCodeOrNull() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running";

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}
