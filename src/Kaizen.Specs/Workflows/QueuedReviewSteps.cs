using System.Text.Json;
using Kaizen.Agents;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tools.BuiltIn;
using Kaizen.Reqnroll.xUnit;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Workflows;

/// <summary>
/// Steps of the code review through the library's work queue, on the scenario's model (the real one by default). Every
/// check reads what the library recorded: the memory file, the checkpoints, the queue's progress inside them and the
/// run's result. What the model wrote is reported, never judged.
/// </summary>
[Binding]
public sealed class QueuedReviewSteps(LongRunningWorld job, QueuedReviewWorld review, AgentWorld world, IReqnrollOutputHelper output)
{
    private const string CallPrefix = "[called tool " + WorkQueue.DefaultToolName + " ";
    private const string ResultPrefix = "[tool " + WorkQueue.DefaultToolName + " succeeded] ";
    private int _interruptedAfter;

    [Given("a reviewing agent that takes the files from a work queue and checkpoints every {int} turns")]
    public void QueuedReviewer(int every) => review.Prepare(job.Codebase!, job.Root, every);

    [When("the agent reviews the queued files and the user interrupts it after {int} files")]
    public Task RunAndInterrupt(int files)
    {
        _interruptedAfter = files;
        return review.RunAndInterruptAfterAsync(files);
    }

    [Then("the interrupt's checkpoint holds the queue's progress: the first {int} files handed out")]
    public async Task InterruptCheckpointHoldsProgress(int files)
    {
        var checkpoint = await review.LoadCheckpointAsync(review.InterruptCheckpointId);
        checkpoint.State.Turn.Should().Be(files, "one file is handed out per turn");
        review.QueueOver(checkpoint.State.Extensions).HandedOut
            .Should().Equal(review.Codebase.Files.Take(files).Select(f => f.Key), "the checkpoint carries the queue's progress");
    }

    [When("a new agent resumes the review from that checkpoint, with the memory file reopened")]
    public Task Resume() => review.ResumeAsync();

    [Then("every file was handed to the model exactly once, across the interrupt")]
    public async Task EveryFileOnce()
    {
        var results = (await review.TurnsInMemoryAsync()).Where(IsQueueResult).ToList();
        foreach (var (path, text) in review.Codebase.Files)
            results.Count(t => t.Content.Contains(text, StringComparison.Ordinal))
                .Should().Be(1, "the model must get {0} once: the memory file holds every tool result it was given", path);
        results.Should().HaveCount(review.Codebase.Files.Count + 1, "each file, then one answer that no file is left");
        results.Count(t => review.Codebase.Files.Any(f => t.Content.Contains(f.Value, StringComparison.Ordinal)))
            .Should().Be(review.Codebase.Files.Count, "the call after the last file got no file");
        review.Queue!.HandedOut.Should().Equal(review.Codebase.Files.Select(f => f.Key), "the resumed queue went on from the checkpoint, in order");
    }

    [Then("the model's notes on each file are in the memory file, right after the file")]
    public async Task NotesAfterEachFile()
    {
        var turns = await review.TurnsInMemoryAsync();
        var notes = review.QueueOver(world.RequireResult().Extensions).Notes;
        var blank = 0;
        foreach (var (path, text) in review.Codebase.Files)
        {
            var at = turns.ToList().FindIndex(t => IsQueueResult(t) && t.Content.Contains(text, StringComparison.Ordinal));
            at.Should().BeGreaterThanOrEqualTo(0, "{0} was handed out", path);
            at.Should().BeLessThan(turns.Count - 1, "a turn of the model follows {0}", path);
            var next = turns[at + 1];
            next.Role.Should().Be(ConversationEntry.AssistantRole, "the model's turn follows the file {0}", path);
            var written = NotesArgument(next);
            written.Should().NotBeNull("the model's turn after {0} is its next call to the queue, with notes", path);
            if (string.IsNullOrWhiteSpace(written)) blank++;
            else notes.GetValueOrDefault(path).Should().Be(written!.Trim(), "the queue keeps the notes on {0} that the memory file holds", path);
            output.WriteLine($"  {path}: {written}");
        }
        output.WriteLine($"Notes written on {review.Codebase.Files.Count - blank} of {review.Codebase.Files.Count} files (blank notes are the model's choice).");
    }

    [Then("the run completed after the resume, with checkpoints before and after the interrupt")]
    public async Task CompletedWithCheckpoints()
    {
        var result = world.RequireResult();
        result.StopReason.Should().Be(AgentStopReason.Completed, "the last turn asks for the answer and offers no tool");
        result.Turns.Should().Be(review.Codebase.Files.Count + 2);
        var checkpoints = await review.CheckpointsAsync();
        checkpoints.Should().Contain(c => c.Id == review.InterruptCheckpointId && c.Turn == _interruptedAfter);
        checkpoints.Should().Contain(c => c.Turn > _interruptedAfter, "the resumed run saved checkpoints of its own");
        checkpoints[^1].Id.Should().Be(result.LastCheckpointId);
        checkpoints[^1].Turn.Should().Be(result.Turns);
    }

    [Then("the number of findings the model reported is attached to the test output")]
    public void FindingsReported()
    {
        var reported = world.RequireResult().GetOutput<int>(QueuedReviewWorld.FindingsOutput);
        var report = JsonSerializer.Serialize(new
        {
            files = review.Codebase.Files.Count,
            findingsReported = reported,
            plantedDefects = review.Codebase.Defects.Count,
            filesWithNotes = review.QueueOver(world.RequireResult().Extensions).Notes.Count,
        });
        output.WriteLine($"The model reported {reported} findings in {review.Codebase.Files.Count} files ({review.Codebase.Defects.Count} defects were planted; not compared).");
        output.AddAttachment("review-findings.json", report, "application/json");
    }

    private static bool IsQueueResult(MemoryTurn turn) =>
        turn.Role == ConversationEntry.ToolRole && turn.Content.StartsWith(ResultPrefix, StringComparison.Ordinal);

    // The notes argument of a call to the queue, as the memory file holds it; null when the turn is no such call.
    private static string? NotesArgument(MemoryTurn turn)
    {
        var at = turn.Content.IndexOf(CallPrefix, StringComparison.Ordinal);
        if (at < 0) return null;
        var json = turn.Content[(at + CallPrefix.Length)..].Split('\n')[0];
        if (!json.EndsWith(']')) return null;
        using var arguments = JsonDocument.Parse(json[..^1]);
        return arguments.RootElement.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.String ? notes.GetString() : null;
    }
}
