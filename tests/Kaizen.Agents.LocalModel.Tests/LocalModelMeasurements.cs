using System.Diagnostics;
using Kaizen.Agents.LocalModel.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>
/// Prints load time, prompt and generation speed, and what KV-cache reuse saves on a 3-turn conversation (figures for
/// docs/local-model.md; only the reuse itself is asserted, never a time).
/// </summary>
[Trait("Category", "local-model")]
public sealed class LocalModelMeasurements(LocalModelFixture model, ITestOutputHelper output)
{
    [Fact]
    public async Task A_three_turn_conversation_with_and_without_the_kv_cache()
    {
        var cancel = TestContext.Current.CancellationToken;
        var client = model.Client;
        var options = new ChatOptions { MaxOutputTokens = 32 };
        List<ChatMessage> conversation =
        [
            new(ChatRole.System, "You are an autonomous agent that completes the task step by step. Inputs: task (Task to complete). " +
                                 "Outputs: result (Task result). Each turn, reply with one JSON object: {\"done\":false,\"thought\":\"...\"} " +
                                 "while working, or {\"done\":true,\"outputs\":{\"result\":\"...\"}} when finished."),
            new(ChatRole.User, "task: Plan a picnic for four people."),
        ];
        output.WriteLine($"model load (shared weights, first use in this process): {client.Weights.LoadTime.TotalSeconds:F1} s");

        LocalGenerationStats? last = null;
        for (var turn = 1; turn <= 3; turn++)
        {
            var response = await client.GetResponseAsync(conversation, options, cancel);
            last = (LocalGenerationStats)response.AdditionalProperties![LocalGenerationStats.PropertyKey]!;
            output.WriteLine($"turn {turn}: prompt {last.PromptTokens} tokens ({last.ReusedPromptTokens} reused, {last.EvaluatedPromptTokens} evaluated in {last.PromptDuration.TotalSeconds:F2} s" +
                             $" = {last.PromptTokensPerSecond:F1} tok/s); generated {last.GeneratedTokens} in {last.GenerationDuration.TotalSeconds:F2} s = {last.GenerationTokensPerSecond:F1} tok/s");
            if (turn > 1) last.ReusedPromptTokens.Should().BeGreaterThan(0);
            conversation.AddRange(response.Messages);
            conversation.Add(new ChatMessage(ChatRole.User, turn == 1 ? "Continue: what food should we bring?" : "Continue: finish the plan."));
        }

        // The same third-turn prompt on a fresh context (nothing cached).
        using var cold = new LocalChatClient(LocalModelFixture.Options, client.Weights);
        conversation.RemoveAt(conversation.Count - 1);
        conversation.RemoveAt(conversation.Count - 1);
        var watch = Stopwatch.StartNew();
        await cold.GetResponseAsync(conversation, new ChatOptions { MaxOutputTokens = 1 }, cancel);
        var coldStats = cold.LastStats!;
        output.WriteLine($"turn 3 prompt without cache: {coldStats.EvaluatedPromptTokens} tokens evaluated in {coldStats.PromptDuration.TotalSeconds:F2} s ({coldStats.PromptTokensPerSecond:F1} tok/s); " +
                         $"with cache: {last!.EvaluatedPromptTokens} tokens in {last.PromptDuration.TotalSeconds:F2} s; saved {(coldStats.PromptDuration - last.PromptDuration).TotalSeconds:F2} s " +
                         $"({100.0 * last.ReusedPromptTokens / last.PromptTokens:F0} % of the prompt reused)");
        coldStats.ReusedPromptTokens.Should().Be(0);
    }
}
