using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Messages;

/// <summary>Keeps envelopes in memory (programmatic runs, conformance tests).</summary>
public sealed class InMemoryEnvelopeSink : IEnvelopeSink
{
    private readonly List<Envelope> _envelopes = [];
    private readonly Lock _lock = new();

    /// <summary>A snapshot of the envelopes written so far.</summary>
    public IReadOnlyList<Envelope> Envelopes
    {
        get { lock (_lock) return [.. _envelopes]; }
    }

    /// <inheritdoc />
    public void Write(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        lock (_lock) _envelopes.Add(envelope);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
