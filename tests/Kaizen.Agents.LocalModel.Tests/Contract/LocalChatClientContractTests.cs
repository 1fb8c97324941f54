using Kaizen.Agents.LocalModel.Tests.Support;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel.Tests.Contract;

/// <summary>The provider contract on the in-process <see cref="LocalChatClient"/>.</summary>
[Trait("Category", "local-model")]
public sealed class LocalChatClientContractTests(LocalModelFixture model, ITestOutputHelper output) : ChatClientContractTests
{
    protected override IChatClient CreateClient() => model.Client;

    protected override void Log(string line) => output.WriteLine(line);
}
