using Kaizen.Agents.LocalModel.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

/// <summary>Behaviour specific to the in-process client: KV-cache reuse, usage details, metadata, stop sequences.</summary>
[Trait("Category", "local-model")]
public sealed class LocalChatClientTests(LocalModelFixture model, ITestOutputHelper output)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_second_turn_of_a_conversation_reuses_the_cached_prompt_tokens()
    {
        var client = model.Client;
        var options = new ChatOptions { MaxOutputTokens = 16 };
        List<ChatMessage> conversation =
        [
            new(ChatRole.System, "You are a helpful assistant who answers briefly."),
            new(ChatRole.User, "Name a fruit that is yellow."),
        ];
        var first = await client.GetResponseAsync(conversation, options, Cancel);
        conversation.AddRange(first.Messages);
        conversation.Add(new ChatMessage(ChatRole.User, "And one that is red?"));

        var second = await client.GetResponseAsync(conversation, options, Cancel);

        var usage = second.Usage!;
        output.WriteLine($"turn 2: {usage.InputTokenCount} prompt tokens, {usage.CachedInputTokenCount} reused, {usage.AdditionalCounts![LocalGenerationStats.EvaluatedPromptTokensKey]} evaluated");
        usage.CachedInputTokenCount.Should().BeGreaterThan(first.Usage!.InputTokenCount!.Value - 1, "the whole first prompt is still in the cache");
        usage.AdditionalCounts![LocalGenerationStats.ReusedPromptTokensKey].Should().Be(usage.CachedInputTokenCount!.Value);
        var evaluated = usage.AdditionalCounts[LocalGenerationStats.EvaluatedPromptTokensKey];
        evaluated.Should().BeLessThan(usage.InputTokenCount!.Value);
        (evaluated + usage.CachedInputTokenCount).Should().Be(usage.InputTokenCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public async Task Two_conversations_taking_turns_each_keep_their_cache_while_there_are_caches_for_both(int caches)
    {
        using var client = new LocalChatClient(LocalModelFixture.Options with { ConversationCaches = caches }, model.Client.Weights);
        var options = new ChatOptions { MaxOutputTokens = 8 };
        List<ChatMessage> weather = [new(ChatRole.System, "You answer briefly."), new(ChatRole.User, "Is it sunny in Oslo today?")];
        List<ChatMessage> fruit = [new(ChatRole.User, "Name a yellow fruit and nothing else, please, in one word.")];

        var first = await client.GetResponseAsync(weather, options, Cancel);
        await client.GetResponseAsync(fruit, options, Cancel);
        weather.AddRange(first.Messages);
        weather.Add(new ChatMessage(ChatRole.User, "And tomorrow?"));
        var second = await client.GetResponseAsync(weather, options, Cancel);

        var reused = second.Usage!.CachedInputTokenCount!.Value;
        output.WriteLine($"{caches} cache(s): turn 2 of the first conversation reused {reused} of {second.Usage.InputTokenCount} prompt tokens; caches created: {client.ConversationCacheCount}");
        client.ConversationCacheCount.Should().Be(caches);
        if (caches == 2) reused.Should().BeGreaterThanOrEqualTo(first.Usage!.InputTokenCount!.Value, "its first prompt stayed in its own cache");
        else reused.Should().BeLessThan(5, "the other conversation took the only cache; only the start of the template is shared");
    }

    [Fact]
    public async Task A_different_conversation_keeps_only_the_common_prefix()
    {
        var client = model.Client;
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Tell me about cats.")], new ChatOptions { MaxOutputTokens = 4 }, Cancel);
        var other = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Tell me about the sea.")], new ChatOptions { MaxOutputTokens = 4 }, Cancel);

        var stats = (LocalGenerationStats)other.AdditionalProperties![LocalGenerationStats.PropertyKey]!;
        output.WriteLine(stats.ToString());
        stats.ReusedPromptTokens.Should().BeGreaterThan(0, "'<|user|>\\nTell me about' is shared").And.BeLessThan(stats.PromptTokens);
        stats.EvaluatedPromptTokens.Should().Be(stats.PromptTokens - stats.ReusedPromptTokens);
    }

    [Fact]
    public async Task Max_output_tokens_caps_the_reply_and_reports_length()
    {
        var response = await model.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "Write a long poem about the ocean.")], new ChatOptions { MaxOutputTokens = 5 }, Cancel);
        response.Usage!.OutputTokenCount.Should().Be(5);
        response.FinishReason.Should().Be(ChatFinishReason.Length);
    }

    [Fact]
    public async Task A_stop_sequence_ends_the_reply_before_it()
    {
        var response = await model.Client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Describe the sea and the sky in three sentences.")],
            new ChatOptions { MaxOutputTokens = 48, StopSequences = [" the "] }, Cancel);
        output.WriteLine(response.Text);
        response.Text.Should().NotContain(" the ");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.OutputTokenCount.Should().BeLessThan(48);
    }

    [Fact]
    public void Metadata_names_the_local_provider_and_the_model()
    {
        var metadata = model.Client.GetService<ChatClientMetadata>()!;
        metadata.ProviderName.Should().Be("local");
        metadata.DefaultModelId.Should().Be("tinyllama-1.1b-chat");
        model.Client.GetService<LocalChatClient>().Should().BeSameAs(model.Client);
    }

    [Fact]
    public void The_shared_client_is_one_instance_per_options_and_survives_dispose()
    {
        var options = LocalModelFixture.Options with { ContextSize = 512 };
        var first = LocalChatClient.Shared(options);
        first.Dispose();
        LocalChatClient.Shared(options).Should().BeSameAs(first);
        first.Weights.Should().BeSameAs(model.Client.Weights, "one loaded model per file and process");
    }
}
