using Kaizen.Agents.Planning;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Planning.Strategies;

/// <summary>Settings of the <see cref="TreeOfThoughtsStrategy"/>.</summary>
public sealed class TreeOfThoughtsOptions
{
    /// <summary>How many best branches survive each level (default 2).</summary>
    public int BeamWidth { get; set; } = 2;

    /// <summary>How many candidate thoughts are asked for per branch (default 3).</summary>
    public int BranchFactor { get; set; } = 3;

    /// <summary>How many levels deep the search goes (default 2).</summary>
    public int MaxDepth { get; set; } = 2;

    /// <summary>A candidate scoring at least this (0–10) ends the search early (default 9).</summary>
    public double SolvedScore { get; set; } = 9;
}

/// <summary>
/// Tree-of-Thoughts as a beam search: at each level the model proposes candidate next thoughts for every kept branch
/// (<c>{"thoughts":["…"]}</c>), scores each candidate (<c>{"score":0-10}</c>), and the best
/// <see cref="TreeOfThoughtsOptions.BeamWidth"/> branches are kept. The best branch is then turned into an answer.
/// </summary>
public sealed partial class TreeOfThoughtsStrategy(IChatClient model, TreeOfThoughtsOptions? options = null) : IReasoningStrategy
{
    private readonly IChatClient _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly TreeOfThoughtsOptions _options = options ?? new TreeOfThoughtsOptions();

    /// <inheritdoc />
    public ReasoningStrategyKind Kind => ReasoningStrategyKind.TreeOfThoughts;

    /// <summary>A branch of the tree: the thoughts from the root and the last score.</summary>
    /// <param name="Thoughts">The thoughts along the branch.</param>
    /// <param name="Score">The score of its last thought.</param>
    public sealed record Branch(IReadOnlyList<string> Thoughts, double Score);

    /// <inheritdoc />
    public async Task<StrategyResult> SolveAsync(string task, CancellationToken cancellationToken = default)
    {
        var trace = new List<string>();
        var calls = 0;
        var beam = new List<Branch> { new([], 0) };
        try
        {
            for (var depth = 1; depth <= _options.MaxDepth; depth++)
            {
                var candidates = new List<Branch>();
                foreach (var branch in beam)
                {
                    calls++;
                    var thoughts = await ProposeAsync(task, branch, cancellationToken).ConfigureAwait(false);
                    foreach (var thought in thoughts.Take(_options.BranchFactor))
                    {
                        var path = branch.Thoughts.Append(thought).ToList();
                        calls++;
                        var score = await ScoreAsync(task, path, cancellationToken).ConfigureAwait(false);
                        trace.Add($"Depth {depth} candidate '{thought}' scored {score.ToString(CultureInfo.InvariantCulture)}");
                        candidates.Add(new Branch(path, score));
                    }
                }
                if (candidates.Count == 0)
                    return new StrategyResult(Kind, StrategyOutcome.Stalled, null, trace, calls, $"no candidate thoughts at depth {depth}");

                // Stable ordering keeps the earlier-proposed candidate on equal scores.
                beam = candidates.Select((b, i) => (b, i)).OrderByDescending(x => x.b.Score).ThenBy(x => x.i)
                    .Take(Math.Max(1, _options.BeamWidth)).Select(x => x.b).ToList();
                trace.Add($"Depth {depth} kept: {string.Join(" | ", beam.Select(b => $"{b.Thoughts[^1]} ({b.Score.ToString(CultureInfo.InvariantCulture)})"))}");
                if (beam[0].Score >= _options.SolvedScore) break;
            }

            var best = beam[0];
            calls++;
            var answer = await AnswerAsync(task, best, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(answer)
                ? new StrategyResult(Kind, StrategyOutcome.Stalled, null, trace, calls, "the best branch led to no answer")
                : new StrategyResult(Kind, StrategyOutcome.Succeeded, answer, trace, calls);
        }
        catch (Exception ex) when (Recoverable.Is(ex, cancellationToken))
        {
            return new StrategyResult(Kind, StrategyOutcome.Failed, null, trace, calls, $"the model failed: {ex.Message}");
        }
    }

    private async Task<IReadOnlyList<string>> ProposeAsync(string task, Branch branch, CancellationToken cancellationToken)
    {
        var text = await AskAsync(
            $"Task: {task}\nThoughts so far: {Describe(branch.Thoughts)}\n" +
            $"Propose {_options.BranchFactor} different next thoughts. Reply with only JSON: {{\"thoughts\":[\"…\"]}}",
            StrategyReplyFormats.Thoughts(_options.BranchFactor), cancellationToken).ConfigureAwait(false);
        return ModelJson.TryParseObject(text, out var json, out _) ? ModelJson.Strings(json, "thoughts") : [];
    }

    private async Task<double> ScoreAsync(string task, IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var text = await AskAsync(
            $"Task: {task}\nScore this line of thought from 0 (useless) to 10 (solves the task): {Describe(path)}\n" +
            "Reply with only JSON: {\"score\":n}", StrategyReplyFormats.Score, cancellationToken).ConfigureAwait(false);
        if (ModelJson.TryParseObject(text, out var json, out _) && ModelJson.String(json, "score") is { } raw
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return Math.Clamp(parsed, 0, 10);
        var match = FirstNumber().Match(text);
        return match.Success ? Math.Clamp(double.Parse(match.Value, CultureInfo.InvariantCulture), 0, 10) : 0;
    }

    private async Task<string?> AnswerAsync(string task, Branch best, CancellationToken cancellationToken)
    {
        var text = await AskAsync(
            $"Task: {task}\nBest line of thought: {Describe(best.Thoughts)}\nGive the final answer. Reply with only JSON: {{\"answer\":\"…\"}}",
            StrategyReplyFormats.Answer, cancellationToken).ConfigureAwait(false);
        return ModelJson.TryParseObject(text, out var json, out _) ? ModelJson.String(json, "answer") : text.Trim();
    }

    private async Task<string> AskAsync(string prompt, ChatResponseFormat format, CancellationToken cancellationToken)
    {
        var reply = await _model.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { ResponseFormat = format }, cancellationToken).ConfigureAwait(false);
        return reply.Text;
    }

    private static string Describe(IReadOnlyList<string> thoughts) =>
        thoughts.Count == 0 ? "(none)" : string.Join(" -> ", thoughts);

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex FirstNumber();
}
