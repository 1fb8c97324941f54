using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning.Strategies;

/// <summary>
/// The JSON schemas of the reasoning strategies' replies, sent as the response format: a model with structured output
/// (a local grammar, Ollama's <c>format</c>, OpenAI's structured outputs) can then only write a reply the strategy reads.
/// Strings and lists are bounded so a small model cannot ramble until its token limit.
/// </summary>
internal static class StrategyReplyFormats
{
    private static readonly object Text = new { type = "string", minLength = 1, maxLength = 300 };

    /// <summary>Chain of thought: <c>{"steps":["…"],"answer":"…"}</c> (an empty answer means the model could not answer).</summary>
    public static ChatResponseFormat ChainOfThought { get; } = Format("chain_of_thought", "Reasoning steps, then the answer", new
    {
        type = "object",
        properties = new { steps = new { type = "array", minItems = 1, maxItems = 8, items = Text }, answer = new { type = "string", maxLength = 300 } },
        required = new[] { "steps", "answer" },
        additionalProperties = false,
    });

    /// <summary>Tree of thoughts, proposing: <c>{"thoughts":["…"]}</c> with 1 to <paramref name="count"/> thoughts.</summary>
    public static ChatResponseFormat Thoughts(int count) => Format("thoughts", "Candidate next thoughts", new
    {
        type = "object",
        properties = new { thoughts = new { type = "array", minItems = 1, maxItems = Math.Max(1, count), items = Text } },
        required = new[] { "thoughts" },
        additionalProperties = false,
    });

    /// <summary>Tree of thoughts, scoring: <c>{"score":n}</c> from 0 to 10.</summary>
    public static ChatResponseFormat Score { get; } = Format("score", "How promising a line of thought is, 0 to 10", new
    {
        type = "object",
        properties = new { score = new { type = "number", minimum = 0, maximum = 10 } },
        required = new[] { "score" },
        additionalProperties = false,
    });

    /// <summary>A final answer: <c>{"answer":"…"}</c>.</summary>
    public static ChatResponseFormat Answer { get; } = Format("answer", "The final answer", new
    {
        type = "object",
        properties = new { answer = Text },
        required = new[] { "answer" },
        additionalProperties = false,
    });

    /// <summary>A routing choice among <paramref name="candidates"/>: <c>{"agent":"name","reason":"…"}</c>.</summary>
    public static ChatResponseFormat Route(IEnumerable<string> candidates) => Format("route", "The agent chosen for the task and why", new
    {
        type = "object",
        properties = new { agent = new { type = "string", @enum = candidates.ToArray() }, reason = new { type = "string", maxLength = 200 } },
        required = new[] { "agent", "reason" },
        additionalProperties = false,
    });

    private static ChatResponseFormat Format(string name, string description, object schema) =>
        ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(schema), name, description);
}
