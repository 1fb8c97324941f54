using System.Diagnostics;

namespace Kaizen.Agents.Bench;

/// <summary>Times repeated operations and summarises them (median, p99) in milliseconds.</summary>
internal static class Measure
{
    public static Summary Repeat(int warmup, int count, Action<int> operation)
    {
        for (var i = 0; i < warmup; i++) operation(-1 - i);
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            operation(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return new Summary(samples[count / 2], samples[Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1)], count);
    }

    /// <summary>
    /// Times several operations round-robin (a, b, c, a, b, c, …) so that they share the same background load;
    /// on a busy machine this keeps their ratios meaningful even when absolute times drift.
    /// </summary>
    public static Summary[] Interleaved(int warmup, int count, params Action<int>[] operations)
    {
        for (var i = 0; i < warmup; i++) foreach (var operation in operations) operation(-1 - i);
        var samples = operations.Select(_ => new double[count]).ToArray();
        for (var i = 0; i < count; i++)
            for (var o = 0; o < operations.Length; o++)
            {
                var start = Stopwatch.GetTimestamp();
                operations[o](i);
                samples[o][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        return samples.Select(s =>
        {
            Array.Sort(s);
            return new Summary(s[count / 2], s[Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1)], count);
        }).ToArray();
    }

    public static string TempFolder(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "kaizen-bench", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}

internal sealed record Summary(double MedianMs, double P99Ms, int Count)
{
    public override string ToString() => $"median {MedianMs,7:0.000} ms   p99 {P99Ms,7:0.000} ms   (n={Count})";
}
