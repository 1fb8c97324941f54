using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kaizen.LivingDoc.Bench;

/// <summary>
/// Times what one CLI call costs a user: a fresh <c>dotnet Kaizen.LivingDoc.dll render …</c> process (runtime start,
/// JIT, reading, rendering), measured from outside, wall and CPU time of the child.
/// </summary>
internal static class OneShot
{
    public static (double WallMs, double CpuMs) Run(string features, IReadOnlyList<string> runs, string output)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Kaizen.LivingDoc.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { tool, "render", "--features", features, "--out", output, "--title", "Bench", "--messages" }.Concat(runs))
            start.ArgumentList.Add(arg);
        var cpuBefore = ChildrenCpuMs();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        // Exit code 1 means "rendered, and the latest run has failures" (the synthetic runs have some).
        if (process.ExitCode is not (0 or 1) || stderr.Result.Length > 0)
            throw new InvalidOperationException($"the CLI exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return (watch.Elapsed.TotalMilliseconds, ChildrenCpuMs() - cpuBefore);
    }

    // An exited child's CPU time is gone from /proc once it is reaped; getrusage(RUSAGE_CHILDREN) keeps the sum.
    private static double ChildrenCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return double.NaN;
        var usage = new long[18]; // struct rusage: ru_utime and ru_stime (seconds, microseconds) first, then 14 longs
        if (GetRusage(RusageChildren, usage) != 0) return double.NaN;
        return (usage[0] + usage[2]) * 1000.0 + (usage[1] + usage[3]) / 1000.0;
    }

    private const int RusageChildren = -1;

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, [Out] long[] usage);
}
