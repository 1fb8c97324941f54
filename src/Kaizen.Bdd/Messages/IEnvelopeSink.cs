using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Messages;

/// <summary>Receives the Cucumber Messages of a run, in protocol order. Called from one writer at a time.</summary>
public interface IEnvelopeSink : IAsyncDisposable
{
    /// <summary>Records one envelope.</summary>
    void Write(Envelope envelope);

    /// <summary>Makes everything written so far durable (called after each test case and at the end of the run).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);
}
