namespace Kaizen.Agents;

/// <summary>The model signalled completion but its outputs could not be read, even after one repair request.</summary>
public sealed class SignatureOutputException(string signature, string problem, string reply)
    : FormatException($"The model's outputs do not match signature '{signature}' after one repair attempt: {problem}. Last reply: {Shorten(reply)}")
{
    /// <summary>What was wrong.</summary>
    public string Problem { get; } = problem;

    /// <summary>The model's last reply.</summary>
    public string Reply { get; } = reply;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197] + "...";
}
