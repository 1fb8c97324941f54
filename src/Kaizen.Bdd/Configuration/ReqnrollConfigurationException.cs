namespace Kaizen.Bdd.Configuration;

/// <summary><c>reqnroll.json</c> is malformed or a key has the wrong type or value.</summary>
public sealed class ReqnrollConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The configuration file (as given).</param>
    /// <param name="line">One-based line of the problem.</param>
    /// <param name="key">The dotted key path, e.g. <c>runtime.missingOrPendingStepsOutcome</c>, or null for a syntax error.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    /// <param name="inner">The underlying parser exception, if any.</param>
    public ReqnrollConfigurationException(string file, long line, string? key, string problem, Exception? inner = null)
        : base($"{file}({line}): {(key is null ? "" : $"'{key}' ")}{problem}", inner)
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
    }

    /// <summary>The configuration file.</summary>
    public string File { get; }

    /// <summary>One-based line.</summary>
    public long Line { get; }

    /// <summary>The dotted key path, or null for a JSON syntax error.</summary>
    public string? Key { get; }

    /// <summary>The problem without the location.</summary>
    public string Problem { get; }
}
