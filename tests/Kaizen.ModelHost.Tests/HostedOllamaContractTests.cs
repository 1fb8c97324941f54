using Kaizen.Agents;
using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel.Tests.Contract;
using Kaizen.ModelHost.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Tests;

/// <summary>
/// The provider contract of the local model (<see cref="ChatClientContractTests"/>), run through the library's
/// <c>ollama</c> provider (OllamaSharp 5.5.2) against Kaizen.ModelHost serving the same model: what the in-process
/// client promises must survive Ollama's wire format.
/// </summary>
[Trait("Category", "model-host")]
[Trait("Category", "local-model")]
[Collection(LocalModelHostCollection.Name)]
public sealed class HostedOllamaContractTests(LocalHostFixture fixture, ITestOutputHelper output) : ChatClientContractTests
{
    protected override IChatClient CreateClient() => LlmFactory.CreateChatClient(new AutonomousConfig
    {
        Provider = LlmProviders.Ollama,
        Model = fixture.Host.ModelName,
        Endpoint = fixture.Host.Address.ToString().TrimEnd('/'),
    });

    protected override void Log(string line) => output.WriteLine(line);

    // Ollama's /api/chat cannot require a tool; the host's OpenAI endpoint carries tool_choice to the same model.
    protected override IChatClient CreateToolChoiceClient() => LlmFactory.CreateOpenAIChatClient(new AutonomousConfig
    {
        Provider = LlmProviders.OpenAI,
        Model = fixture.Host.ModelName,
        Endpoint = fixture.Host.Address.ToString().TrimEnd('/') + "/v1",
    }, apiKey: "not-checked-by-the-host");
}
