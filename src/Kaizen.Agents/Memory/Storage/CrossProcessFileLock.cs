namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// An exclusive lock shared by every process on the machine: a lock file opened with <see cref="FileShare.None"/>
/// (on Unix .NET takes an <c>flock</c>, which the OS releases if the holder crashes).
/// </summary>
internal sealed class CrossProcessFileLock : IDisposable
{
    private readonly FileStream _stream;

    private CrossProcessFileLock(FileStream stream) => _stream = stream;

    public static string PathFor(string databasePath) => databasePath + ".kaizen-lock";

    public static async Task<CrossProcessFileLock> AcquireAsync(string databasePath, TimeSpan timeout, string holderHint, CancellationToken cancellationToken)
    {
        var lockPath = PathFor(databasePath);
        var started = Environment.TickCount64;
        var delayMs = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryAcquire(lockPath) is { } acquired) return acquired;
            if (Environment.TickCount64 - started > timeout.TotalMilliseconds)
                throw new MemoryStoreException(
                    $"Timed out after {timeout.TotalSeconds:0.#} s waiting for '{databasePath}': another process holds '{lockPath}'. {holderHint}");
            await Task.Delay(delayMs + Random.Shared.Next(2), cancellationToken).ConfigureAwait(false);
            delayMs = Math.Min(delayMs * 2, 8);
        }
    }

    private static CrossProcessFileLock? TryAcquire(string lockPath)
    {
        try
        {
            return new CrossProcessFileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
        }
        catch (IOException exception) when (exception is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            return null; // held by another process (sharing violation)
        }
    }

    public void Dispose() => _stream.Dispose();
}
