using Kaizen.Reqnroll.xUnit;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Attachments;

[Binding]
public sealed class AttachmentsSteps(IReqnrollOutputHelper output)
{
    [When("the string {string} is attached as {string}")]
    public void AttachString(string text, string mediaType) => output.AddAttachment("attachment", text, mediaType);

    [When("the string {string} is logged")]
    public void LogString(string text) => output.WriteLine(text);

    [When("text with ANSI escapes is logged")]
    public void LogAnsi() =>
        output.WriteLine("This displays a \x1b[31mr\x1b[0m\x1b[91ma\x1b[0m\x1b[33mi\x1b[0m\x1b[32mn\x1b[0m\x1b[34mb\x1b[0m\x1b[95mo\x1b[0m\x1b[35mw\x1b[0m");

    [When("the following string is attached as {string}:")]
    public void AttachDocString(string mediaType, string text) => output.AddAttachment("attachment", text, mediaType);

    [When("an array with {int} bytes is attached as {string}")]
    public void AttachBytes(int size, string mediaType) =>
        output.AddAttachment("attachment", Enumerable.Range(0, size).Select(i => (byte)i).ToArray(), mediaType);

    [When("a PDF document is attached and renamed")]
    public void AttachPdf() =>
        output.AddAttachment("renamed.pdf", File.ReadAllBytes(Path.Combine(RepositoryPaths.CckFeatures, "attachments", "document.pdf")), "application/pdf");

    [When("a link to {string} is attached")]
    public void AttachLink(string uri) => output.WriteLine(uri);

    [When("the string {string} is attached as {string} before a failure")]
    public void AttachThenFail(string text, string mediaType)
    {
        output.AddAttachment("attachment", text, mediaType);
        throw new InvalidOperationException("whoops");
    }
}
