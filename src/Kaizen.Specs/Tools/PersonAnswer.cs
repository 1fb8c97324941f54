namespace Kaizen.Specs.Tools;

/// <summary>What the person reviewing tool calls answers, as the feature files word it.</summary>
public static class PersonAnswer
{
    /// <summary>True for "approve", false for "deny"; anything else is a mistake in the feature file.</summary>
    public static bool Approves(string answer) => answer switch
    {
        "approve" => true,
        "deny" => false,
        _ => throw new ArgumentException($"The answer must be \"approve\" or \"deny\", not \"{answer}\"."),
    };
}
