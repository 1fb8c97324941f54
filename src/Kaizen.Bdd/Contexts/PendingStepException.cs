namespace Kaizen.Bdd;

/// <summary>Thrown by a step that is not implemented yet: the scenario becomes pending.</summary>
public sealed class PendingStepException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public PendingStepException() : base("One or more step definitions are not implemented yet.") { }

    /// <summary>Creates the exception with a message.</summary>
    public PendingStepException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PendingStepException(string message, Exception innerException) : base(message, innerException) { }
}
