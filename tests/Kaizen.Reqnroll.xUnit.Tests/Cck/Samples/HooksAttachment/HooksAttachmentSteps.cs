using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.HooksAttachment;

[Binding]
public sealed class HooksAttachmentSteps(IReqnrollOutputHelper output)
{
    private static byte[] Svg() => File.ReadAllBytes(Path.Combine(RepositoryPaths.CckFeatures, "hooks-attachment", "cucumber.svg"));

    [BeforeScenario]
    public void AttachBefore() => output.AddAttachment("attachment", Svg(), "image/svg+xml");

    [When("a step passes")]
    public void StepPasses() { }

    [AfterScenario]
    public void AttachAfter() => output.AddAttachment("attachment", Svg(), "image/svg+xml");
}
