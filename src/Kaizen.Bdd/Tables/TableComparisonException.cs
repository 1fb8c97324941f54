namespace Kaizen.Bdd.Tables;

/// <summary>A <c>CompareTo…</c> check failed; the message lists every differing row or field.</summary>
public sealed class TableComparisonException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The difference report.</param>
    public TableComparisonException(string message) : base(message) { }
}
