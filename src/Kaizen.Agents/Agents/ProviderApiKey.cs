namespace Kaizen.Agents;

/// <summary>A model provider's API key. Its text form is <c>***</c>, so configs holding one can be printed and logged.</summary>
public sealed class ProviderApiKey
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public ProviderApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The key itself.</summary>
    public string Value { get; }

    /// <summary>Always <c>***</c>.</summary>
    public override string ToString() => "***";
}
