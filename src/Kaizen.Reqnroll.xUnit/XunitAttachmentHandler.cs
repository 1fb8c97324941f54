using Reqnroll.Infrastructure;
using Reqnroll.Tracing;
using Xunit;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Adds a binding's attachment (<c>IReqnrollOutputHelper.AddAttachment</c>) to the running xUnit test too.</summary>
public sealed class XunitAttachmentHandler : ReqnrollAttachmentHandler
{
    /// <summary>Created by Reqnroll's container.</summary>
    public XunitAttachmentHandler(ITraceListener traceListener) : base(traceListener) { }

    /// <inheritdoc />
    public override void AddAttachment(string filePath)
    {
        if (TestContext.Current.Test is null || !File.Exists(filePath))
        {
            base.AddAttachment(filePath);
            return;
        }
        var name = Path.GetFileName(filePath);
        var mediaType = AttachmentMediaTypes.Find(filePath) ?? "application/octet-stream";
        try
        {
            TestContext.Current.AddAttachment(name, File.ReadAllBytes(filePath), replaceExistingValue: true, mediaType);
        }
        catch (InvalidOperationException)
        {
            base.AddAttachment(filePath);
        }
    }
}
