namespace Kaizen.Bdd.Tests.Cck.Samples.GlobalHooksAttachments;

[Binding]
public sealed class GlobalHooksAttachmentsSteps
{
    [BeforeTestRun]
    public static void AttachBeforeAll(IScenarioOutput output) => output.Attach("Attachment from BeforeAll hook", "text/plain");

    [When("a step passes")]
    public void StepPasses() { }

    [AfterTestRun]
    public static void AttachAfterAll(IScenarioOutput output) => output.Attach("Attachment from AfterAll hook", "text/plain");
}
