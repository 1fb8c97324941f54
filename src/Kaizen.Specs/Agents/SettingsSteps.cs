using Kaizen.Agents;
using Kaizen.Specs.Support;
using Reqnroll;

namespace Kaizen.Specs.Agents;

/// <summary>Building an agent from settings the library must refuse; the error text is the library's own.</summary>
[Binding]
public sealed class SettingsSteps(AgentWorld world, ModelTranscript transcript)
{
    private Exception? _refusal;

    [Given(@"the agent's setting (\w+) is (-?\d+)")]
    public void SettingIs(string setting, int value) => world.Config = setting switch
    {
        nameof(AutonomousConfig.MaxTurns) => world.Config with { MaxTurns = value },
        nameof(AutonomousConfig.CheckpointInterval) => world.Config with { CheckpointInterval = value },
        nameof(AutonomousConfig.MaxAttempts) => world.Config with { MaxAttempts = value },
        nameof(AutonomousConfig.MemoryHotTurns) => world.Config with { MemoryHotTurns = value },
        nameof(AutonomousConfig.MemoryWarmWindow) => world.Config with { MemoryWarmWindow = value },
        nameof(AutonomousConfig.MemoryColdResults) => world.Config with { MemoryColdResults = value },
        _ => throw new ArgumentException($"Unknown setting \"{setting}\": add it to {nameof(SettingsSteps)}.{nameof(SettingIs)}."),
    };

    [When("an agent is built with these settings")]
    public void BuildWithSettings()
    {
        try
        {
            world.BuildAgent();
        }
        catch (Exception ex)
        {
            _refusal = ex;
        }
    }

    [Then("it is refused with {string}")]
    public void RefusedWith(string problem) =>
        _refusal.Should().BeOfType<ArgumentException>("wrong settings are the caller's mistake").Which.Message.Should().Contain(problem);

    [Then("no model was asked anything")]
    public void NoModelAsked() => transcript.Exchanges.Should().BeEmpty();
}
