using System.Text;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Messages.Serialization;

namespace Kaizen.Bdd.Messages;

/// <summary>Writes envelopes as NDJSON (one JSON object per line) to a file, creating its folder.</summary>
public sealed class NdjsonFileEnvelopeSink : IEnvelopeSink
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    /// <summary>Opens (and truncates) <paramref name="path"/>.</summary>
    public NdjsonFileEnvelopeSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
    }

    /// <summary>The absolute path written to.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Write(Envelope envelope)
    {
        var line = NdjsonSerializer.Serialize(envelope);
        lock (_lock) _writer.WriteLine(line);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock) _writer.Flush();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_lock) _writer.Dispose();
        return ValueTask.CompletedTask;
    }
}
