namespace Kaizen.Agents.Tools;

/// <summary>How the <see cref="ToolExecutor"/> runs calls.</summary>
public sealed class ToolExecutorOptions
{
    /// <summary>The longest one attempt of a call may take (default 30 s). A timed-out attempt counts as a failure.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra attempts after a failure, for retry-safe levels only (Safe, Low). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The pause before each retry (default 200 ms; measured with the executor's <see cref="TimeProvider"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Refuse arguments the tool's schema does not name (default true).</summary>
    public bool RejectUnknownArguments { get; set; } = true;

    /// <summary>The longest result text handed back to the model; longer results are cut with a note (default 20,000 chars).</summary>
    public int MaxResultChars { get; set; } = 20_000;
}
