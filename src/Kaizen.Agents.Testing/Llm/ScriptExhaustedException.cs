namespace Kaizen.Agents.Llm;

/// <summary>The scripted model was asked for more replies than its script holds.</summary>
public sealed class ScriptExhaustedException : InvalidOperationException
{
    /// <summary>Creates the error for <paramref name="request"/> when the script had <paramref name="stepCount"/> steps.</summary>
    public ScriptExhaustedException(ScriptedRequest request, int stepCount)
        : base($"ScriptedChatClient ran out of script at step {request.CallIndex + 1}: the script has {stepCount} step(s) and no fallback, " +
               $"but the caller sent {request}. Add a step (e.g. ScriptedReply.Complete(...)) or a fallback with ChatScript.Otherwise(...).")
    {
        Request = request;
        StepCount = stepCount;
    }

    /// <summary>The request that found no reply.</summary>
    public ScriptedRequest Request { get; }

    /// <summary>How many sequential steps the script had.</summary>
    public int StepCount { get; }
}
