using Gherkin.CucumberMessages;

namespace Kaizen.Bdd.Messages;

/// <summary>Makes any id generator safe for features running in parallel.</summary>
internal sealed class SynchronizedIdGenerator(IIdGenerator inner) : IIdGenerator
{
    private readonly Lock _lock = new();

    public string GetNewId()
    {
        lock (_lock) return inner.GetNewId();
    }
}
