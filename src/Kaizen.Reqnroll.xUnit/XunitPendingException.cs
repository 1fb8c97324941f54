namespace Kaizen.Reqnroll.xUnit;

/// <summary>Fails an xUnit test whose scenario is pending or inconclusive (xUnit has no such outcome).</summary>
public sealed class XunitPendingException : Exception
{
    /// <summary>Creates the exception with Reqnroll's message.</summary>
    public XunitPendingException(string message) : base(message) { }

    /// <summary>Creates the exception without a message.</summary>
    public XunitPendingException() { }

    /// <summary>Creates the exception wrapping another.</summary>
    public XunitPendingException(string message, Exception innerException) : base(message, innerException) { }
}
