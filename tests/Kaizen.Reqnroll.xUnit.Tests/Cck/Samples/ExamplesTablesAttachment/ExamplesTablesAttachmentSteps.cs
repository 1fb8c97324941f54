using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.ExamplesTablesAttachment;

[Binding]
public sealed class ExamplesTablesAttachmentSteps(IReqnrollOutputHelper output)
{
    private static byte[] Image(string file) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.CckFeatures, "examples-tables-attachment", file));

    [When("a JPEG image is attached")]
    public void AttachJpeg() => output.AddAttachment("attachment", Image("cucumber.jpeg"), "image/jpeg");

    [When("a PNG image is attached")]
    public void AttachPng() => output.AddAttachment("attachment", Image("cucumber.png"), "image/png");
}
