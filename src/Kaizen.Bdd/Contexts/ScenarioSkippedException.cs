namespace Kaizen.Bdd;

/// <summary>Thrown by <see cref="ScenarioContext.Skip"/>; xUnit reports the test skipped with the reason.</summary>
public sealed class ScenarioSkippedException : Exception
{
    /// <summary>Creates the exception; the message carries xUnit's dynamic-skip token.</summary>
    public ScenarioSkippedException(string reason) : base(Xunit.v3.DynamicSkipToken.Value + reason) => Reason = reason;

    /// <summary>Why the scenario was skipped.</summary>
    public string Reason { get; }
}
