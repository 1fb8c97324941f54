namespace Kaizen.Agents.Llm;

/// <summary>
/// The replies a <see cref="ScriptedChatClient"/> gives, in order. Content rules (<c>When</c>) are tried first,
/// then the next sequential step, then the fallback (<see cref="Otherwise"/>); with none left the client throws
/// <see cref="ScriptExhaustedException"/>. Built fluently: <c>new ChatScript().Reply(…).CallTool(…).Complete(…)</c>.
/// </summary>
public sealed class ChatScript
{
    private readonly List<Func<ScriptedRequest, ScriptedReply>> _steps = [];
    private readonly List<Rule> _rules = [];
    private Func<ScriptedRequest, ScriptedReply>? _fallback;

    /// <summary>Number of sequential steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a fixed reply.</summary>
    public ChatScript Reply(ScriptedReply reply) { _steps.Add(_ => reply); return this; }

    /// <summary>Appends a reply computed from the request (e.g. to answer by content).</summary>
    public ChatScript Reply(Func<ScriptedRequest, ScriptedReply> reply) { _steps.Add(reply); return this; }

    /// <summary>Appends a plain text reply.</summary>
    public ChatScript Say(string text) => Reply(ScriptedReply.Say(text));

    /// <summary>Appends a "keep working" turn.</summary>
    public ChatScript Working(string thought) => Reply(ScriptedReply.Working(thought));

    /// <summary>Appends <paramref name="count"/> "keep working" turns numbered from 1.</summary>
    public ChatScript WorkingTurns(int count)
    {
        for (var i = 1; i <= count; i++) Working($"step {i}");
        return this;
    }

    /// <summary>Appends a tool call reply.</summary>
    public ChatScript CallTool(string name, object? arguments = null, string? callId = null) => Reply(ScriptedReply.CallTool(name, arguments, callId));

    /// <summary>Appends the completion signal with outputs.</summary>
    public ChatScript Complete(object? outputs = null) => Reply(ScriptedReply.Complete(outputs));

    /// <summary>Appends the same reply <paramref name="times"/> times.</summary>
    public ChatScript Repeat(ScriptedReply reply, int times)
    {
        for (var i = 0; i < times; i++) Reply(reply);
        return this;
    }

    /// <summary>
    /// A content rule tried before the sequential steps: when <paramref name="match"/> holds, answer with
    /// <paramref name="reply"/>. It applies <paramref name="times"/> times (null = every time).
    /// </summary>
    public ChatScript When(Func<ScriptedRequest, bool> match, Func<ScriptedRequest, ScriptedReply> reply, int? times = 1)
    {
        _rules.Add(new Rule(match, reply, times));
        return this;
    }

    /// <summary>A content rule with a fixed reply.</summary>
    public ChatScript When(Func<ScriptedRequest, bool> match, ScriptedReply reply, int? times = 1) => When(match, _ => reply, times);

    /// <summary>The reply used when the sequential steps are used up (instead of failing).</summary>
    public ChatScript Otherwise(Func<ScriptedRequest, ScriptedReply> reply) { _fallback = reply; return this; }

    /// <summary>
    /// A script that works forever, one "keep working" turn per request, numbered by <see cref="ScriptedRequest.Turn"/>
    /// (so a resumed run continues the numbering).
    /// </summary>
    public static ChatScript Endless() => new ChatScript().Otherwise(r => ScriptedReply.Working($"step {r.Turn}"));

    /// <summary>
    /// A script keyed on the turn number (<see cref="ScriptedRequest.Turn"/>): deterministic across process restarts
    /// and checkpoint resumes, because it depends only on the request sent.
    /// </summary>
    public static ChatScript ByTurn(Func<int, ScriptedRequest, ScriptedReply> replyForTurn) =>
        new ChatScript().Otherwise(r => replyForTurn(r.Turn, r));

    internal (Func<ScriptedRequest, ScriptedReply>? Reply, bool FromStep) Next(ScriptedRequest request, ref int position)
    {
        foreach (var rule in _rules)
        {
            if (rule.Remaining is 0 || !rule.Match(request)) continue;
            if (rule.Remaining is { } left) rule.Remaining = left - 1;
            return (rule.Reply, false);
        }
        if (position < _steps.Count) return (_steps[position++], true);
        return (_fallback, false);
    }

    private sealed class Rule(Func<ScriptedRequest, bool> match, Func<ScriptedRequest, ScriptedReply> reply, int? times)
    {
        public Func<ScriptedRequest, bool> Match { get; } = match;
        public Func<ScriptedRequest, ScriptedReply> Reply { get; } = reply;
        public int? Remaining { get; set; } = times;
    }
}
