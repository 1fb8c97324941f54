using System.Collections.Concurrent;

namespace Kaizen.LivingDoc.Model;

/// <summary>
/// Finds the feature file a run's pickle URI refers to. Runners write URIs relative to their own working folder
/// (<c>features/memory/a.feature</c>, <c>samples/x/x.feature</c>) or absolute, so the longest feature path that the
/// URI ends with (on a folder boundary) wins.
/// </summary>
internal sealed class FeatureUriMatcher(IEnumerable<string> featurePaths)
{
    private readonly List<string> _paths = featurePaths.OrderByDescending(p => p.Length).ToList();
    // Shared by the runs, which are matched in parallel.
    private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.Ordinal);

    public string? Match(string? uri)
    {
        if (string.IsNullOrEmpty(uri)) return null;
        if (_cache.TryGetValue(uri, out var cached)) return cached;
        var normalized = uri.Replace('\\', '/');
        if (normalized.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) normalized = new Uri(normalized).LocalPath;
        var match = _paths.FirstOrDefault(p =>
            string.Equals(normalized, p, StringComparison.Ordinal) || normalized.EndsWith("/" + p, StringComparison.Ordinal));
        _cache[uri] = match;
        return match;
    }
}
