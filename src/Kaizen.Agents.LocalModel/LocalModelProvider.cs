namespace Kaizen.Agents.LocalModel;

/// <summary>Registers the local model as the <c>local</c> provider of Kaizen.Agents.</summary>
public static class LocalModelProvider
{
    /// <summary>The provider name (<c>KAIZEN_LLM_PROVIDER=local</c>).</summary>
    public const string Name = "local";
}
