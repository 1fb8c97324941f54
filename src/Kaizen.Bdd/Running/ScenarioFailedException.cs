namespace Kaizen.Bdd.Running;

/// <summary>Fails an xUnit test for a scenario that failed, was ambiguous, or (when configured) undefined or pending.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioFailedException(string message, Exception? innerException = null) : base(message, innerException) { }
}
