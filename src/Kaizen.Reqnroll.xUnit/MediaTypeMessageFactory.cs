using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.ExecutionTracking;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Reqnroll's message factory, except that a file attachment keeps the media type registered with <see cref="AttachmentMediaTypes"/>.</summary>
public sealed class MediaTypeMessageFactory : CucumberMessageFactory
{
    /// <inheritdoc />
    public override Attachment ToAttachment(AttachmentTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var attachment = base.ToAttachment(tracker);
        var mediaType = AttachmentMediaTypes.Find(tracker.FilePath);
        if (mediaType is null) return attachment;
        return new Attachment(attachment.Body, attachment.ContentEncoding, attachment.FileName, mediaType, attachment.Source,
            attachment.TestCaseStartedId, attachment.TestStepId, attachment.Url, attachment.TestRunStartedId, attachment.TestRunHookStartedId, attachment.Timestamp);
    }
}
