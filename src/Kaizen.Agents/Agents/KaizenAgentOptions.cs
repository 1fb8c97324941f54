namespace Kaizen.Agents;

/// <summary>
/// Options of the agent that <c>services.AddKaizenAgent(...)</c> registers: configure them with
/// <c>services.Configure&lt;KaizenAgentOptions&gt;(o =&gt; o.Config = o.Config with { … })</c> or bind them from configuration.
/// </summary>
public sealed class KaizenAgentOptions
{
    /// <summary>The agent's settings (default: <c>new AutonomousConfig()</c>, which reads no environment).</summary>
    public AutonomousConfig Config { get; set; } = new();
}
