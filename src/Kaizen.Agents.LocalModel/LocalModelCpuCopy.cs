using System.Diagnostics;
using LLama;
using LLama.Native;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// A copy of a GGUF model re-encoded as Q4_K_S, kept beside it. The default model's 2-bit IQ2_XXS encoding is small but
/// slow to evaluate on a CPU; Q4_K_S holds the same weights in a layout llama.cpp's CPU kernels evaluate prompts about
/// four times faster with (docs/local-model.md has the measurements), for twice the file size (about 630 MB). The
/// re-encoding takes about a minute, once: <c>tools/model/install.sh</c> does it after installing the model, and
/// <see cref="LocalModelFile.DefaultPath"/> then finds the copy.
/// </summary>
public static class LocalModelCpuCopy
{
    /// <summary>The encoding of the copy.</summary>
    public const string Encoding = "Q4_K_S";

    /// <summary>Size in bytes of the copy of the default model (llama.cpp's quantizer in LLamaSharp 0.30.0 writes it byte for byte the same).</summary>
    public const long DefaultCopySize = 631_167_968;

    /// <summary>sha256 of the copy of the default model.</summary>
    public const string DefaultCopySha256 = "32a8ee3db1287193f29abb5b59daab1ab186e882d77c8bd52b8d45b59acf9d53";

    /// <summary>Environment variable that, set to <c>0</c>, makes <see cref="LocalModelFile.DefaultPath"/> ignore the copy.</summary>
    public const string EnvironmentVariable = "KAIZEN_LOCAL_MODEL_CPU_COPY";

    /// <summary>Where the copy of <paramref name="source"/> lives: beside it, named <c>&lt;name&gt;.Q4_K_S.gguf</c>.</summary>
    public static string PathFor(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var full = Path.GetFullPath(source);
        var stem = full.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) ? full[..^".gguf".Length] : full;
        return $"{stem}.{Encoding}.gguf";
    }

    /// <summary>True when the copy of <paramref name="source"/> exists and was written after the source was.</summary>
    public static bool IsCurrent(string source)
    {
        var copy = Followed(new FileInfo(PathFor(source)));
        var original = Followed(new FileInfo(Path.GetFullPath(source)));
        return copy.Exists && original.Exists && copy.Length >= LocalModelFile.MinimumSize && copy.LastWriteTimeUtc >= original.LastWriteTimeUtc;
    }

    // A symbolic link's own length and times are the link's: compare the files they point to.
    private static FileInfo Followed(FileInfo file) =>
        file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file;

    /// <summary>
    /// Writes the copy of <paramref name="source"/> unless it is current, and returns its path. The copy is written to
    /// a temporary file and renamed into place, so a crash or a second process never leaves a half-written copy.
    /// Cancellation is honoured before the re-encoding starts; the native step then runs to its end.
    /// </summary>
    /// <param name="source">The GGUF model to copy (validated first, as <see cref="LocalModelFile.Validate"/> does).</param>
    /// <param name="log">Receives one line per step (e.g. <c>Console.Error.WriteLine</c>).</param>
    /// <param name="cancellationToken">Cancels before the re-encoding starts.</param>
    /// <exception cref="Llm.LlmProviderException">The source is unusable, or llama.cpp could not re-encode it.</exception>
    public static async Task<string> CreateAsync(string source, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        LocalModelFile.Validate(source);
        var copy = PathFor(source);
        if (IsCurrent(source))
        {
            log?.Invoke($"CPU copy already there: {copy}");
            return copy;
        }
        cancellationToken.ThrowIfCancellationRequested();
        NativeSetup.EnsureConfigured();
        NativeApi.llama_empty_call(); // loads the native library: the quantizer's own entry points do not
        var partial = Path.Combine(Path.GetDirectoryName(copy)!, $".{Path.GetFileName(copy)}.partial.{Environment.ProcessId}");
        log?.Invoke($"re-encoding {Path.GetFileName(source)} as {Encoding} for faster CPU evaluation (about a minute, once): {copy}");
        var watch = Stopwatch.StartNew();
        try
        {
            var done = await Task.Run(() => LLamaQuantizer.Quantize(Path.GetFullPath(source), partial, LLamaFtype.MOSTLY_Q4_K_S, Environment.ProcessorCount, allowRequantize: true), CancellationToken.None).ConfigureAwait(false);
            if (!done || !File.Exists(partial))
                throw new Llm.LlmProviderException($"llama.cpp could not re-encode {source} as {Encoding}; the model still works from that file (set {EnvironmentVariable}=0 to stop looking for the copy).", LocalModelProvider.Name, isTransient: false);
            File.Move(partial, copy, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        log?.Invoke($"CPU copy written in {watch.Elapsed.TotalSeconds:F0} s ({new FileInfo(copy).Length / 1_000_000:N0} MB): {copy}");
        return copy;
    }
}
