using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Support;

/// <summary>
/// What the library sent to the model and what came back, for every call of the scenario, whatever the provider. Then
/// steps read it to check what the library told the model (a tool result, a refusal, a memory), never to decide what
/// the model answers.
/// </summary>
public sealed class ModelTranscript
{
    private readonly List<ModelExchange> _exchanges = [];

    /// <summary>Every call so far, in the order they completed.</summary>
    public IReadOnlyList<ModelExchange> Exchanges { get { lock (_exchanges) return _exchanges.ToList(); } }

    /// <summary>The calls made for one agent (the <c>kaizen.agent</c> option the loop sets).</summary>
    public IReadOnlyList<ModelExchange> Of(string agentId) => Exchanges.Where(e => e.AgentId == agentId).ToList();

    /// <summary>Records one call.</summary>
    public void Record(IEnumerable<ChatMessage> messages, ChatOptions? options, ChatResponse response)
    {
        var agent = options?.AdditionalProperties?.TryGetValue("kaizen.agent", out var id) == true ? id as string : null;
        lock (_exchanges) _exchanges.Add(new ModelExchange(agent, messages.ToList(), options, response));
    }
}

/// <summary>One model call: the request the library built and the reply.</summary>
/// <param name="AgentId">The agent that made it, when the agent loop made it.</param>
/// <param name="Request">The messages sent.</param>
/// <param name="Options">The options sent.</param>
/// <param name="Response">The reply.</param>
public sealed record ModelExchange(string? AgentId, IReadOnlyList<ChatMessage> Request, ChatOptions? Options, ChatResponse Response)
{
    /// <summary>The tool results the request carried back to the model.</summary>
    public IReadOnlyList<FunctionResultContent> ToolResults => Request.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();

    /// <summary>All the text the request carried, one message per line.</summary>
    public string RequestText => string.Join("\n", Request.Select(m => m.Text));
}
