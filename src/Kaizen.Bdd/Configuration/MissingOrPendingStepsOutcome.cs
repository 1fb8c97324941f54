namespace Kaizen.Bdd.Configuration;

/// <summary>How a scenario with an undefined or pending step is reported to the test framework (Reqnroll's setting).</summary>
public enum MissingOrPendingStepsOutcome
{
    /// <summary>Reported as not run / pending (the default).</summary>
    Pending,

    /// <summary>Reported as inconclusive.</summary>
    Inconclusive,

    /// <summary>Reported as ignored (skipped).</summary>
    Ignore,

    /// <summary>Reported as a failure.</summary>
    Error,
}
