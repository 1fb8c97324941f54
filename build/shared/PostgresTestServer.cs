using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kaizen.Testing.Postgres;

/// <summary>
/// A throw-away PostgreSQL server for a test run: <c>initdb</c> + <c>pg_ctl</c> on a free loopback port under a temporary
/// folder, stopped and deleted on dispose. As root (PostgreSQL refuses to run as root) both run as the <c>postgres</c>
/// user through <c>runuser</c>. <c>KAIZEN_TEST_POSTGRES</c> (a connection string) uses an existing server instead.
/// When no server can be had, <see cref="Unavailable"/> says why in one line (tests skip with it, unless
/// <c>KAIZEN_REQUIRE_POSTGRES=1</c>, as in CI, turns it into a failure). Shared by the test projects, the specs and the bench.
/// </summary>
public sealed class PostgresTestServer : IDisposable
{
    private readonly string? _dataFolder;
    private readonly string? _binaries;
    private readonly bool _asPostgresUser;

    /// <summary>Starts (or finds) the server.</summary>
    /// <param name="durable">fsync on (benchmarks); off makes tests faster and changes nothing a client crash could show.</param>
    public PostgresTestServer(bool durable = false)
    {
        if (Environment.GetEnvironmentVariable("KAIZEN_TEST_POSTGRES") is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }
        _binaries = FindBinaries();
        if (_binaries is null)
        {
            Unavailable = "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH): ./test.sh installs it as root, or set KAIZEN_TEST_POSTGRES";
            return;
        }
        _asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";
        _dataFolder = Path.Combine(Path.GetTempPath(), "kaizen-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataFolder);
        try
        {
            if (_asPostgresUser) Run("chown", "postgres", _dataFolder);
            var port = FreePort();
            var cluster = Path.Combine(_dataFolder, "cluster");
            RunServerTool("initdb", "-D", cluster, "-U", "kaizen", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
            var settings = $"-p {port} -k {_dataFolder} -c listen_addresses=127.0.0.1 -c max_connections=200" + (durable ? "" : " -c fsync=off -c full_page_writes=off");
            RunServerTool("pg_ctl", "-D", cluster, "-l", Path.Combine(_dataFolder, "server.log"), "-o", settings, "-w", "-t", "60", "start");
            ConnectionString = $"Host=127.0.0.1;Port={port};Database=postgres;Username=kaizen;Pooling=true;Maximum Pool Size=100";
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Unavailable = $"a throw-away PostgreSQL server could not be started: {ex.Message.Split('\n')[0]}";
        }
    }

    /// <summary>Connection string of the server, or null when <see cref="Unavailable"/>.</summary>
    public string? ConnectionString { get; }

    /// <summary>Why there is no server (one line), or null.</summary>
    public string? Unavailable { get; }

    /// <summary>CI sets <c>KAIZEN_REQUIRE_POSTGRES=1</c>: a missing server fails the tests there instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("KAIZEN_REQUIRE_POSTGRES") == "1";

    /// <summary>Stops the server immediately and deletes its folder.</summary>
    public void Dispose()
    {
        if (_dataFolder is null) return;
        try
        {
            if (ConnectionString is not null) RunServerTool("pg_ctl", "-D", Path.Combine(_dataFolder, "cluster"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // already gone; the folder is removed below
        }
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void RunServerTool(string tool, params string[] args)
    {
        var path = Path.Combine(_binaries!, tool);
        if (_asPostgresUser) Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within 2 minutes");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}");
    }

    private static string? FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        if (versions.Count > 0) return versions[0];
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
