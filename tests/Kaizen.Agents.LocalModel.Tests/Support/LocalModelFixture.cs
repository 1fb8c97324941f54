using Kaizen.Agents.LocalModel;

namespace Kaizen.Agents.LocalModel.Tests.Support;

/// <summary>
/// One client on the real model for the whole test assembly. The model is found through
/// <see cref="LocalModelFile.DefaultPath"/>; when it is missing the fixture fails with the install command (CI installs
/// the model first; nothing is skipped).
/// </summary>
public sealed class LocalModelFixture : IDisposable
{
    private readonly Lazy<LocalChatClient> _client = new(() => new LocalChatClient(Options));

    /// <summary>Options of the shared client: 2 threads (the machines are small and shared).</summary>
    public static LocalModelOptions Options { get; } = new() { Threads = 2 };

    /// <summary>The shared client (created on first use, so tests that need no model do not load it).</summary>
    public LocalChatClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated) _client.Value.Dispose();
    }
}
