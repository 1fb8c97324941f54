using Io.Cucumber.Messages.Types;

using Exception = System.Exception;

namespace Kaizen.Bdd.Running;

/// <summary>The <see cref="IScenarioOutput"/> of one scenario (or test-run hook): xUnit output plus attachment messages.</summary>
internal sealed class ScenarioOutput(RunSession session, string? testCaseStartedId, string? testRunHookStartedId) : IScenarioOutput
{
    /// <summary>The test step running now (attachments belong to it).</summary>
    public string? CurrentTestStepId { get; set; }

    public void WriteLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Xunit.TestContext.Current.TestOutputHelper?.WriteLine(text);
        Record(text, AttachmentContentEncoding.IDENTITY, "text/x.cucumber.log+plain", null, null);
    }

    public void Attach(string body, string mediaType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        Record(body, AttachmentContentEncoding.IDENTITY, mediaType, fileName, null);
    }

    public void Attach(byte[] body, string mediaType, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(mediaType);
        Record(Convert.ToBase64String(body), AttachmentContentEncoding.BASE64, mediaType, fileName, null);
    }

    public void Link(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        Record(url, AttachmentContentEncoding.IDENTITY, "text/uri-list", null, null);
    }

    private void Record(string body, AttachmentContentEncoding encoding, string mediaType, string? fileName, string? url) =>
        session.Emit(Envelope.Create(new Attachment(body, encoding, fileName, mediaType, null,
            testCaseStartedId, testCaseStartedId is null ? null : CurrentTestStepId, url,
            null, testRunHookStartedId, session.Now())));

}
