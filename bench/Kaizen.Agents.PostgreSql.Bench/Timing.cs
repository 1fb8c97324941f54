using System.Diagnostics;

namespace Kaizen.Agents.PostgreSql.Bench;

/// <summary>Milliseconds of repeated async operations, the two stores taking turns so both see the same background load.</summary>
internal static class Timing
{
    public static async Task<(Summary LiteDb, Summary Postgres)> SideBySideAsync(int warmup, int count, Func<int, Task> liteDb, Func<int, Task> postgres)
    {
        for (var i = 0; i < warmup; i++)
        {
            await liteDb(-1 - i);
            await postgres(-1 - i);
        }
        var a = new double[count];
        var b = new double[count];
        for (var i = 0; i < count; i++)
        {
            a[i] = await TimeAsync(() => liteDb(i));
            b[i] = await TimeAsync(() => postgres(i));
        }
        return (Summary.Of(a), Summary.Of(b));
    }

    public static async Task<double> TimeAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

internal sealed record Summary(double MedianMs, double P99Ms)
{
    public static Summary Of(double[] samples)
    {
        Array.Sort(samples);
        return new Summary(samples[samples.Length / 2], samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(samples.Length * 0.99) - 1)]);
    }

    public override string ToString() => $"{MedianMs,8:0.000} / {P99Ms,8:0.000}";
}
