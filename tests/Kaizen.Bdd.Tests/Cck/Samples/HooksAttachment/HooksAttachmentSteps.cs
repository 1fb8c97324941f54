namespace Kaizen.Bdd.Tests.Cck.Samples.HooksAttachment;

[Binding]
public sealed class HooksAttachmentSteps(IScenarioOutput output)
{
    private static byte[] Svg() => File.ReadAllBytes(Path.Combine(RepositoryPaths.CckFeatures, "hooks-attachment", "cucumber.svg"));

    [BeforeScenario]
    public void AttachBefore() => output.Attach(Svg(), "image/svg+xml");

    [When("a step passes")]
    public void StepPasses() { }

    [AfterScenario]
    public void AttachAfter() => output.Attach(Svg(), "image/svg+xml");
}
