using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Kaizen.Build;

namespace Kaizen.ModelHost.Tests.Support;

/// <summary>
/// Kaizen.ModelHost (copied next to the tests) as a real child process on a free loopback port: the address is read
/// from its first stdout line; its stderr (one line per request) is kept so tests can see what the server did.
/// </summary>
public sealed class ModelHostProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Kaizen.ModelHost listening on ";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly SemaphoreSlim _logChanged = new(0);

    private ModelHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:43567/.</summary>
    public Uri Address { get; }

    /// <summary>host:port, as OLLAMA_HOST takes it.</summary>
    public string HostAndPort => $"{Address.Host}:{Address.Port}";

    /// <summary>The model name the host serves.</summary>
    public string ModelName { get; private init; } = "tinyllama";

    /// <summary>stderr lines so far.</summary>
    public IReadOnlyList<string> Log => _log.ToList();

    /// <summary>Path of the host assembly next to the test assembly.</summary>
    public static string HostAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Kaizen.ModelHost.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Kaizen.ModelHost.dll is not next to the tests; build the test project (it references src/Kaizen.ModelHost).", path);
        }
    }

    /// <summary>Starts the host with <paramref name="arguments"/> plus <c>--urls http://127.0.0.1:0</c> and waits for its address.</summary>
    public static async Task<ModelHostProcess> StartAsync(IEnumerable<string> arguments, TimeSpan? startTimeout = null, string modelName = "tinyllama")
    {
        var info = Start(arguments.Concat(["--urls", "http://127.0.0.1:0", "--model-name", modelName]));
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Kaizen.ModelHost.");
        var stderr = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        process.BeginErrorReadLine();

        // The model load can take a while on a busy machine; the bound is generous and only guards against a hang.
        using var timeout = new CancellationTokenSource(startTimeout ?? TimeSpan.FromMinutes(3));
        string? first;
        try
        {
            first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            first = null;
        }
        if (first is null || !first.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException($"Kaizen.ModelHost did not report an address (first stdout line: {first ?? "(none)"}; stderr: {string.Join(" | ", stderr)}).");
        }

        var host = new ModelHostProcess(process, new Uri(first[ListeningPrefix.Length..].Trim().TrimEnd('/') + "/")) { ModelName = modelName };
        foreach (var line in stderr) host._log.Enqueue(line);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            host._log.Enqueue(e.Data);
            host._logChanged.Release();
        };
        _ = DrainAsync(process.StandardOutput);
        return host;
    }

    /// <summary>Runs the host to completion with <paramref name="arguments"/> (for start-up failures): exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(Start(arguments)) ?? throw new InvalidOperationException("Could not start Kaizen.ModelHost.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new InvalidOperationException("Kaizen.ModelHost did not exit."); }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Waits until a stderr line satisfies <paramref name="match"/> (the bound only guards against a hang).</summary>
    public async Task<string> WaitForLogAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_log.FirstOrDefault(match) is { } line) return line;
            try { await _logChanged.WaitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The host never logged the expected line. Log so far:\n" + string.Join("\n", _log));
            }
        }
    }

    /// <summary>An HttpClient on the host's address (no proxy, long timeout for a CPU model).</summary>
    public HttpClient CreateHttpClient(string path = "") =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(Address, path), Timeout = TimeSpan.FromMinutes(10) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _logChanged.Dispose();
    }

    private static ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        info.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try { while (await reader.ReadLineAsync() is not null) { } }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
    }

    internal static bool IsLoopback(Uri address) => IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip);
}
