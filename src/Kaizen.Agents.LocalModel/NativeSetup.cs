using LLama.Native;

namespace Kaizen.Agents.LocalModel;

/// <summary>One-time native library set-up: llama.cpp's own log goes nowhere unless KAIZEN_LOCAL_MODEL_LOG=1.</summary>
internal static class NativeSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_done) return;
            _done = true;
            if (NativeLibraryConfig.LLama.LibraryHasLoaded) return;
            var verbose = Environment.GetEnvironmentVariable("KAIZEN_LOCAL_MODEL_LOG") == "1";
            NativeLibraryConfig.All.WithLogCallback((level, message) =>
            {
                if (verbose || level == LLamaLogLevel.Error) Console.Error.Write(message);
            });
        }
    }
}
