using System.Collections.Concurrent;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// Attachments with a media type of the binding's choosing. Reqnroll attaches files and derives the media type from the
/// extension; <see cref="AddAttachment(IReqnrollOutputHelper, string, string, string)"/> writes the content to a file,
/// remembers its media type and attaches it, so the Cucumber Messages carry exactly the media type given.
/// </summary>
public static class AttachmentMediaTypes
{
    private static readonly ConcurrentDictionary<string, string> MediaTypeByPath = new(StringComparer.Ordinal);

    /// <summary>Attaches <paramref name="content"/> (UTF-8) as a file named <paramref name="fileName"/> with <paramref name="mediaType"/>.</summary>
    public static string AddAttachment(this IReqnrollOutputHelper output, string fileName, string content, string mediaType) =>
        output.AddAttachment(fileName, System.Text.Encoding.UTF8.GetBytes(content), mediaType);

    /// <summary>Attaches <paramref name="content"/> as a file named <paramref name="fileName"/> with <paramref name="mediaType"/>; returns the file's path.</summary>
    public static string AddAttachment(this IReqnrollOutputHelper output, string fileName, byte[] content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        var folder = Path.Combine(Path.GetTempPath(), "kaizen-reqnroll-attachments", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(fileName));
        File.WriteAllBytes(path, content);
        Register(path, mediaType);
        output.AddAttachment(path);
        return path;
    }

    /// <summary>Declares the media type of a file a binding attaches itself with <c>IReqnrollOutputHelper.AddAttachment(path)</c>.</summary>
    public static void Register(string filePath, string mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaType);
        MediaTypeByPath[Path.GetFullPath(filePath)] = mediaType;
    }

    /// <summary>The media type registered for <paramref name="filePath"/>, if any.</summary>
    public static string? Find(string filePath) =>
        string.IsNullOrEmpty(filePath) ? null : MediaTypeByPath.TryGetValue(Path.GetFullPath(filePath), out var mediaType) ? mediaType : null;
}
