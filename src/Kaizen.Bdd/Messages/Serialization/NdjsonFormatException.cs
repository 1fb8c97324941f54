namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>A line of an NDJSON message stream is not a valid Cucumber Messages envelope.</summary>
public sealed class NdjsonFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file or stream name.</param>
    /// <param name="line">One-based line number.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The parser exception.</param>
    public NdjsonFormatException(string source, long line, string problem, Exception? inner = null)
        : base($"{source}({line}): {problem}", inner)
    {
        Source = source;
        Line = line;
    }

    /// <summary>The file or stream name.</summary>
    public new string Source { get; }

    /// <summary>One-based line number.</summary>
    public long Line { get; }
}
