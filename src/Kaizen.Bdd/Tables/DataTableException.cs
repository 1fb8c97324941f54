namespace Kaizen.Bdd.Tables;

/// <summary>A table could not be turned into objects (unknown column, unconvertible cell, wrong shape).</summary>
public sealed class DataTableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the row and column.</param>
    public DataTableException(string message) : base(message) { }
}
