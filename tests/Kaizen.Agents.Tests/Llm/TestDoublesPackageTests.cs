using Kaizen.Agents.Llm;

namespace Kaizen.Agents.Tests.Llm;

[Trait("Category", "llm")]
public sealed class TestDoublesPackageTests
{
    [Fact]
    public void The_scripted_doubles_live_in_Kaizen_Agents_Testing_under_their_old_namespace()
    {
        Type[] doubles = [typeof(ScriptedChatClient), typeof(ChatScript), typeof(ScriptedReply), typeof(ScriptedRequest), typeof(ScriptedTokenCounter), typeof(ScriptExhaustedException)];

        doubles.Should().OnlyContain(type => type.Assembly.GetName().Name == "Kaizen.Agents.Testing" && type.Namespace == "Kaizen.Agents.Llm");
    }

    [Fact]
    public void The_library_neither_holds_nor_references_the_doubles()
    {
        var library = typeof(AutonomousAgent).Assembly;

        library.GetTypes().Should().NotContain(type => type.Name.StartsWith("Scripted", StringComparison.Ordinal) || type.Name == nameof(ChatScript));
        library.GetReferencedAssemblies().Select(name => name.Name).Should().NotContain("Kaizen.Agents.Testing");
    }

    [Fact]
    public void The_scripted_provider_comes_from_the_testing_package()
    {
        LlmFactory.CreateChatClient(new AutonomousConfig { Provider = LlmProviders.Scripted }).Should().BeOfType<ScriptedChatClient>();
    }
}
