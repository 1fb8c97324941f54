using Kaizen.Agents.Memory;

namespace Kaizen.Agents.Tests.Memory;

/// <summary>A fresh folder per test for LiteDB files, deleted afterwards; tracks backends to dispose.</summary>
internal sealed class TempMemoryFolder : IAsyncDisposable
{
    private readonly List<LiteDbMemoryBackend> _backends = new();

    public TempMemoryFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kaizen-memory-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabasePath => File("memory.db");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public LiteDbMemoryBackend Open(string session = "session-1", MemoryOptions? options = null, string? database = null)
    {
        var backend = new LiteDbMemoryBackend(database ?? DatabasePath, session, options);
        lock (_backends) _backends.Add(backend);
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var backend in _backends) await backend.DisposeAsync();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still be closing a file; the OS temp cleaner takes the rest
        }
    }
}

internal static class MemoryTestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(1));

    public static async Task StoreMessagesAsync(IMemoryBackend memory, int count, int first = 0)
    {
        for (var i = first; i < first + count; i++)
            await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", $"Message {i}", Start.AddSeconds(i));
    }
}
