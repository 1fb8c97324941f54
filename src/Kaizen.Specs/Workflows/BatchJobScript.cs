using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// The scripted model for a <see cref="BatchJob"/>. It decides only from what the agent sends it, as a real model
/// would: its own previous turn (the notes and the tool it called) and that tool's result, both from the prompt's
/// recent memory. So a turn lost or replayed by the agent shows up as a missing or doubled finding.
/// </summary>
public static class BatchJobScript
{
    private const string CalledPrefix = "[called tool ";

    /// <summary>The script for <paramref name="job"/>.</summary>
    public static ChatScript For(BatchJob job) => new ChatScript().Otherwise(request => Reply(job, request));

    private static ScriptedReply Reply(BatchJob job, ScriptedRequest request)
    {
        var (notes, lastKey, resultText, calledThisItem) = ReadContext(job, request);
        if (lastKey is null) return CallFor(job, 0, BatchNotes.Empty);
        if (!calledThisItem)
        {
            // The previous turn judged the last item without calling anything: the job is done.
            return ScriptedReply.Complete(new { result = JsonSerializer.Serialize(notes.Tally) });
        }
        var findings = job.Judge(lastKey, resultText ?? throw new InvalidOperationException(
            $"The model called {job.ToolName} for '{lastKey}' but its result is not in the prompt ({request})."));
        var updated = notes.After(lastKey, findings, job.TallyLabel);
        var next = IndexOf(job, lastKey) + 1;
        return next < job.Items.Count
            ? CallFor(job, next, updated)
            : ScriptedReply.Working(updated.ToJson());
    }

    private static ScriptedReply CallFor(BatchJob job, int index, BatchNotes notes) => new()
    {
        Text = Kaizen.Agents.AgentReplyProtocol.FormatWorking(notes.ToJson()),
        ToolCalls = [ScriptedToolCall.Of(job.ToolName, job.Arguments(job.Items[index]))],
    };

    private static int IndexOf(BatchJob job, string key)
    {
        for (var i = 0; i < job.Items.Count; i++) if (job.Items[i] == key) return i;
        throw new InvalidOperationException($"'{key}' is not an item of the job.");
    }

    /// <summary>
    /// From the newest assistant message: its notes, the item it asked for (if it called the tool) and that call's
    /// result (the message after it).
    /// </summary>
    private static (BatchNotes Notes, string? LastKey, string? Result, bool Called) ReadContext(BatchJob job, ScriptedRequest request)
    {
        var messages = request.Messages;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role != ChatRole.Assistant) continue;
            var text = messages[i].Text;
            var callAt = text.IndexOf(CalledPrefix + job.ToolName + " ", StringComparison.Ordinal);
            var replyText = callAt < 0 ? text : text[..callAt].TrimEnd();
            var notes = BatchNotes.TryParse(AgentReplyProtocol.Parse(replyText).Thought) ?? BatchNotes.Empty;
            if (callAt < 0) return (notes, notes.Item, null, false);
            var arguments = text[(callAt + CalledPrefix.Length + job.ToolName.Length + 1)..].Split('\n')[0].TrimEnd(']');
            var key = KeyOf(arguments, job.KeyArgument);
            var resultPrefix = $"[tool {job.ToolName} succeeded] ";
            var result = messages.Skip(i + 1).Select(m => m.Text).FirstOrDefault(t => t.StartsWith(resultPrefix, StringComparison.Ordinal));
            return (notes, key, result?[resultPrefix.Length..], true);
        }
        return (BatchNotes.Empty, null, null, false);
    }

    private static string KeyOf(string argumentsJson, string name)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        var value = document.RootElement.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }
}
