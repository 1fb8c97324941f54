using System.Diagnostics;

namespace Kaizen.Agents.Bench.Memory;

/// <summary>Per-call latencies and their percentiles.</summary>
internal sealed class Latency(string name)
{
    private readonly List<double> _microseconds = new();

    public async Task MeasureAsync(int samples, Func<int, Task> call)
    {
        for (var i = 0; i < Math.Min(samples, 200); i++) await call(i); // warm-up, not recorded
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            _microseconds.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }
    }

    public string Report(string target)
    {
        _microseconds.Sort();
        double P(double q) => _microseconds[Math.Min(_microseconds.Count - 1, (int)Math.Ceiling(q * _microseconds.Count) - 1)];
        return $"{name,-34} n={_microseconds.Count,6}  p50={Format(P(0.50)),10}  p99={Format(P(0.99)),10}  max={Format(_microseconds[^1]),10}  (target p99 {target})";
    }

    private static string Format(double us) => us < 1000 ? $"{us:0.00} µs" : $"{us / 1000:0.00} ms";
}
