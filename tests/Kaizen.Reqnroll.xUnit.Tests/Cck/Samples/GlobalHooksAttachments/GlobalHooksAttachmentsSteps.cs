using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.GlobalHooksAttachments;

[Binding]
public sealed class GlobalHooksAttachmentsSteps
{
    [BeforeTestRun]
    public static void AttachBeforeAll(IReqnrollOutputHelper output) => output.AddAttachment("attachment", "Attachment from BeforeAll hook", "text/plain");

    [When("a step passes")]
    public void StepPasses() { }

    [AfterTestRun]
    public static void AttachAfterAll(IReqnrollOutputHelper output) => output.AddAttachment("attachment", "Attachment from AfterAll hook", "text/plain");
}
