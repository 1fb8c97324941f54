using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests;

[Trait("Category", "local-model")]
public sealed class ProviderRegistrationTests
{
    [Fact]
    public void The_local_provider_builds_the_shared_local_client()
    {
        var config = new AutonomousConfig { Provider = LlmProviders.Local };
        config.Problems().Should().BeEmpty();

        var client = LlmFactory.CreateChatClient(config);

        client.Should().BeSameAs(LocalChatClient.Shared());
        client.GetService<ChatClientMetadata>()!.ProviderName.Should().Be("local");
    }

    [Fact]
    public void Local_models_are_free_for_cost_tracking() =>
        PriceTable.Default.Find(LlmProviders.Local, "tinyllama-1.1b-chat").Should().Be(ModelPrice.Free);
}
