namespace Kaizen.Agents.Llm;

/// <summary>A model provider failed; the message names the cause and the fix.</summary>
/// <param name="message">What went wrong and what to do.</param>
/// <param name="provider">The provider (<see cref="LlmProviders"/>).</param>
/// <param name="isTransient">Retrying may help (connection refused or reset, 5xx, timeout).</param>
/// <param name="inner">The provider's own exception.</param>
public sealed class LlmProviderException(string message, string provider, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The provider.</summary>
    public string Provider { get; } = provider;

    /// <summary>Retrying may help.</summary>
    public bool IsTransient { get; } = isTransient;
}
