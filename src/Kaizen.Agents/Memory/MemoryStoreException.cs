namespace Kaizen.Agents.Memory;

/// <summary>A memory database could not be opened, locked or written; the message names the file and the fix.</summary>
public class MemoryStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MemoryStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
