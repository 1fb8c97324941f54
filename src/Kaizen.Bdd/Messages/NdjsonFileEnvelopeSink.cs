using System.Text;
using System.Threading.Channels;
using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Messages.Serialization;
using Exception = System.Exception;

namespace Kaizen.Bdd.Messages;

/// <summary>
/// Writes envelopes as NDJSON (one JSON object per line) to a file, creating its folder. Serialization and writing happen
/// on one background writer in arrival order, so test threads only enqueue; <see cref="FlushAsync"/> waits until everything
/// enqueued before it is on disk.
/// </summary>
public sealed class NdjsonFileEnvelopeSink : IEnvelopeSink
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly FileStream _file;
    private readonly System.Text.Json.Utf8JsonWriter _writer;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _pump;
    private Exception? _writeError;

    /// <summary>Opens (and truncates) <paramref name="path"/>.</summary>
    public NdjsonFileEnvelopeSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _file = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
        // UTF-8 straight into the file buffer: no intermediate string per envelope.
        _writer = new System.Text.Json.Utf8JsonWriter(_file, NdjsonSerializer.WriterOptions);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The absolute path written to.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public void Write(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!_queue.Writer.TryWrite(envelope)) throw new ObjectDisposedException(nameof(NdjsonFileEnvelopeSink), $"{Path} is already closed.");
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(flushed)) return;
        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete()) await _pump.ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        if (_writeError is not null) throw new IOException($"Writing Cucumber messages to {Path} failed: {_writeError.Message}", _writeError);
    }

    private async Task PumpAsync()
    {
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (item is Envelope envelope) WriteLine(envelope);
                else
                {
                    await _file.FlushAsync().ConfigureAwait(false);
                    var flushed = (TaskCompletionSource)item;
                    if (_writeError is null) flushed.TrySetResult();
                    else flushed.TrySetException(new IOException($"Writing Cucumber messages to {Path} failed: {_writeError.Message}", _writeError));
                }
            }
            catch (Exception error) when (error is IOException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
            {
                _writeError ??= error;
                (item as TaskCompletionSource)?.TrySetException(error);
            }
        }
        await _file.FlushAsync().ConfigureAwait(false);
    }

    private void WriteLine(Envelope envelope)
    {
        try
        {
            NdjsonSerializer.Write(_writer, envelope);
            _writer.Flush();
            _file.Write(NewLine);
        }
        finally { _writer.Reset(); } // one top-level JSON value per line; also drops a half-written one after an error
    }
}
