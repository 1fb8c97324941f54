namespace Kaizen.Bdd.Tests.Cck.Samples.ExamplesTablesAttachment;

[Binding]
public sealed class ExamplesTablesAttachmentSteps(IScenarioOutput output)
{
    private static byte[] Image(string file) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.CckFeatures, "examples-tables-attachment", file));

    [When("a JPEG image is attached")]
    public void AttachJpeg() => output.Attach(Image("cucumber.jpeg"), "image/jpeg");

    [When("a PNG image is attached")]
    public void AttachPng() => output.Attach(Image("cucumber.png"), "image/png");
}
